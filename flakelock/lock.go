package flakelock

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Lock is a parsed flake.lock.
type Lock struct {
	// Filename is the name Parse was given, used in error messages.
	Filename string
	Version  int
	// Root is the name of the root node (normally "root").
	Root string
	// Nodes maps node names to nodes.
	Nodes map[string]*Node
	// NodeNames lists the node names in file order.
	NodeNames []string
	// src is the file's content, for Position.
	src []byte
}

// Node is one node of the lock graph: a locked input, or the root.
type Node struct {
	Name string
	// KeyAt is the span of the node's key in "nodes" (with its quotes).
	KeyAt Span
	// Locked and Original are nil when absent (the root has neither).
	Locked   *Ref
	Original *Ref
	// Inputs maps input names to what they refer to; InputNames lists
	// them in file order.
	Inputs     map[string]*Input
	InputNames []string
	// Flake is false for inputs declared with `flake = false`.
	Flake bool
}

// Input is one entry of a node's "inputs": a node name, or (Follows
// non-nil) a path of input names starting at the root node.
type Input struct {
	Node    string
	Follows []string
	// At is the span of the entry's value.
	At Span
	// Resolved is the node the input denotes after following.
	Resolved *Node
}

// Ref is a "locked" or "original" flake reference.
type Ref struct {
	Type         string
	ID           string // the registry name of an indirect reference
	Owner        string
	Repo         string
	Host         string
	Rev          string
	Ref          string
	Dir          string
	NarHash      string
	URL          string
	Path         string
	LastModified int64
	RevCount     int64
	// Fields maps each field name of the reference ("rev",
	// "lastModified", …) to where it is written.
	Fields map[string]Field
	// At is the span of the whole reference object.
	At Span
}

// Field is where a field of a reference is written.
type Field struct {
	Key   Span // the key, with its quotes
	Value Span // the value
}

// Position is a line and column (both 1-based, columns in bytes) in the
// lock file.
type Position struct {
	Offset, Line, Column int
}

// Error is an error at a position in a lock file.
type Error struct {
	Filename string
	Position
	Msg string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Filename, e.Line, e.Column, e.Msg)
}

// ReadFile reads and parses the lock file at path.
func ReadFile(path string) (*Lock, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// Parse parses the lock file src. Errors are *Error values with the
// position of the problem: bad JSON, an unsupported version, a field of
// the wrong type, or an input that refers to a missing node or follows a
// path that leads nowhere.
func Parse(filename string, src []byte) (*Lock, error) {
	l := &Lock{Filename: filename, Nodes: map[string]*Node{}, src: src}
	if err := l.parse(src); err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, &Error{Filename: filename, Position: l.Position(pe.offset), Msg: pe.msg}
		}
		return nil, err
	}
	return l, nil
}

// Supported lock file versions: 5 introduced the node graph read here,
// and 6 and 7 kept its shape.
const (
	minVersion = 5
	maxVersion = 7
)

func (l *Lock) parse(src []byte) error {
	doc, err := decodeJSON(src)
	if err != nil {
		return err
	}
	if doc.kind != jsonObject {
		return posErrorf(doc.span.Start, "flake.lock must be a JSON object, found %s", doc.kind)
	}
	version := doc.get("version")
	if version == nil {
		return posErrorf(doc.span.Start, `missing "version"`)
	}
	v, err := intValue("version", version.val)
	if err != nil {
		return err
	}
	if v < minVersion || v > maxVersion {
		return posErrorf(version.val.span.Start, "unsupported lock file version %d (nixaudit reads versions %d to %d)", v, minVersion, maxVersion)
	}
	l.Version = int(v)
	l.Root = "root"
	if root := doc.get("root"); root != nil {
		if l.Root, err = stringValue("root", root.val); err != nil {
			return err
		}
	}
	nodes := doc.get("nodes")
	if nodes == nil {
		return posErrorf(doc.span.Start, `missing "nodes"`)
	}
	if nodes.val.kind != jsonObject {
		return posErrorf(nodes.val.span.Start, `"nodes" must be an object, found %s`, nodes.val.kind)
	}
	for _, m := range nodes.val.members {
		n, err := parseNode(m)
		if err != nil {
			return err
		}
		if _, dup := l.Nodes[n.Name]; !dup {
			l.NodeNames = append(l.NodeNames, n.Name)
		}
		l.Nodes[n.Name] = n
	}
	if l.Nodes[l.Root] == nil {
		return posErrorf(nodes.keyAt.Start, "root node %q is missing", l.Root)
	}
	return l.resolveAll()
}

func parseNode(m member) (*Node, error) {
	n := &Node{Name: m.key, KeyAt: m.keyAt, Inputs: map[string]*Input{}, Flake: true}
	if m.val.kind != jsonObject {
		return nil, posErrorf(m.val.span.Start, "node %q must be an object, found %s", m.key, m.val.kind)
	}
	var err error
	if f := m.val.get("flake"); f != nil {
		if f.val.kind != jsonBool {
			return nil, posErrorf(f.val.span.Start, `"flake" must be a boolean, found %s`, f.val.kind)
		}
		n.Flake = f.val.boolean
	}
	if f := m.val.get("locked"); f != nil {
		if n.Locked, err = parseRef(f.val); err != nil {
			return nil, err
		}
	}
	if f := m.val.get("original"); f != nil {
		if n.Original, err = parseRef(f.val); err != nil {
			return nil, err
		}
	}
	if f := m.val.get("inputs"); f != nil {
		if f.val.kind != jsonObject {
			return nil, posErrorf(f.val.span.Start, `"inputs" must be an object, found %s`, f.val.kind)
		}
		for _, in := range f.val.members {
			input, err := parseInput(in.val)
			if err != nil {
				return nil, err
			}
			if _, dup := n.Inputs[in.key]; !dup {
				n.InputNames = append(n.InputNames, in.key)
			}
			n.Inputs[in.key] = input
		}
	}
	return n, nil
}

func parseInput(v *value) (*Input, error) {
	in := &Input{At: v.span}
	switch v.kind {
	case jsonString:
		in.Node = v.str
	case jsonArray:
		in.Follows = []string{}
		for _, el := range v.elems {
			s, err := stringValue("follows", el)
			if err != nil {
				return nil, err
			}
			in.Follows = append(in.Follows, s)
		}
	default:
		return nil, posErrorf(v.span.Start, "an input must be a node name or a follows path, found %s", v.kind)
	}
	return in, nil
}

func parseRef(v *value) (*Ref, error) {
	if v.kind != jsonObject {
		return nil, posErrorf(v.span.Start, "a flake reference must be an object, found %s", v.kind)
	}
	r := &Ref{Fields: map[string]Field{}, At: v.span}
	strs := map[string]*string{
		"type": &r.Type, "id": &r.ID, "owner": &r.Owner, "repo": &r.Repo, "host": &r.Host,
		"rev": &r.Rev, "ref": &r.Ref, "dir": &r.Dir, "narHash": &r.NarHash,
		"url": &r.URL, "path": &r.Path,
	}
	ints := map[string]*int64{"lastModified": &r.LastModified, "revCount": &r.RevCount}
	for _, m := range v.members {
		r.Fields[m.key] = Field{Key: m.keyAt, Value: m.val.span}
		var err error
		if p, ok := strs[m.key]; ok {
			*p, err = stringValue(m.key, m.val)
		} else if p, ok := ints[m.key]; ok {
			*p, err = intValue(m.key, m.val)
		}
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

func stringValue(what string, v *value) (string, error) {
	if v.kind != jsonString {
		return "", posErrorf(v.span.Start, "%q must be a string, found %s", what, v.kind)
	}
	return v.str, nil
}

func intValue(what string, v *value) (int64, error) {
	if v.kind != jsonNumber {
		return 0, posErrorf(v.span.Start, "%q must be an integer, found %s", what, v.kind)
	}
	i, err := strconv.ParseInt(v.number.String(), 10, 64)
	if err != nil {
		return 0, posErrorf(v.span.Start, "%q must be an integer, found %s", what, v.number)
	}
	return i, nil
}

// Position returns the line and column of a byte offset in the lock file.
func (l *Lock) Position(offset int) Position {
	offset = min(max(offset, 0), len(l.src))
	before := l.src[:offset]
	line := 1 + strings.Count(string(before), "\n")
	col := offset - strings.LastIndexByte(string(before), '\n')
	return Position{Offset: offset, Line: line, Column: col}
}
