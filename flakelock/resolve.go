package flakelock

import (
	"fmt"
	"strings"
)

// RootNode returns the root node.
func (l *Lock) RootNode() *Node { return l.Nodes[l.Root] }

// RootInputs maps each input of the root node to the node it denotes,
// with `follows` resolved.
func (l *Lock) RootInputs() map[string]*Node {
	root := l.RootNode()
	out := make(map[string]*Node, len(root.Inputs))
	for name, in := range root.Inputs {
		out[name] = in.Resolved
	}
	return out
}

// Resolve returns the node an input path denotes, starting at the root:
// ["nixpkgs"] is the root's nixpkgs input, ["home-manager", "nixpkgs"]
// the nixpkgs input of the root's home-manager input, each step through
// `follows` as Nix does. The empty path is the root itself.
func (l *Lock) Resolve(path []string) (*Node, error) {
	return l.resolve(path, 0)
}

// maxFollows bounds the chain of follows, so that cyclic lock files end.
const maxFollows = 64

func (l *Lock) resolve(path []string, depth int) (*Node, error) {
	if depth > maxFollows {
		return nil, fmt.Errorf("input %q: follows cycle", strings.Join(path, "/"))
	}
	n := l.RootNode()
	for i, name := range path {
		in, ok := n.Inputs[name]
		if !ok {
			return nil, fmt.Errorf("input %q: node %q has no input %q", strings.Join(path, "/"), n.Name, name)
		}
		if in.Follows == nil {
			next, ok := l.Nodes[in.Node]
			if !ok {
				return nil, fmt.Errorf("input %q: node %q does not exist", strings.Join(path[:i+1], "/"), in.Node)
			}
			n = next
			continue
		}
		next, err := l.resolve(in.Follows, depth+1)
		if err != nil {
			return nil, err
		}
		n = next
	}
	return n, nil
}

// resolveAll resolves every input of every node, so that a lock whose
// inputs lead nowhere is rejected with the position of the input.
func (l *Lock) resolveAll() error {
	for _, name := range l.NodeNames {
		n := l.Nodes[name]
		for _, in := range n.Inputs {
			if in.Follows == nil {
				in.Resolved = l.Nodes[in.Node]
				if in.Resolved == nil {
					return posErrorf(in.At.Start, "input of %q refers to node %q, which does not exist", n.Name, in.Node)
				}
				continue
			}
			r, err := l.resolve(in.Follows, 0)
			if err != nil {
				return posErrorf(in.At.Start, "%v", err)
			}
			in.Resolved = r
		}
	}
	return nil
}

// InputPaths returns, for each node reachable from the root, the input
// paths that lead to it without passing through follows (the paths Nix
// shows in `nix flake metadata`), in file order of the root's inputs.
func (l *Lock) InputPaths() map[*Node][][]string {
	out := map[*Node][][]string{}
	var walk func(n *Node, prefix []string, seen map[*Node]bool)
	walk = func(n *Node, prefix []string, seen map[*Node]bool) {
		for _, name := range n.InputNames {
			in := n.Inputs[name]
			if in.Follows != nil || seen[in.Resolved] {
				continue
			}
			path := append(append([]string{}, prefix...), name)
			out[in.Resolved] = append(out[in.Resolved], path)
			seen[in.Resolved] = true
			walk(in.Resolved, path, seen)
			delete(seen, in.Resolved)
		}
	}
	walk(l.RootNode(), nil, map[*Node]bool{l.RootNode(): true})
	return out
}
