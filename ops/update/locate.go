package update

import (
	"fmt"
	"go/token"
	"sort"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// binding is one `NAME = "literal";` found in the syntax tree.
type binding struct {
	def   *ast.AttrDef
	value *ast.StringExpr
	text  string // the literal's value
	set   ast.Node
}

// hashNames are the attributes a fetcher's hash is written in.
var hashNames = []string{"hash", "sha256"}

// target is what a package update rewrites: the version literal and the
// source's hash literal.
type target struct {
	version, hash binding
}

// locate finds, in f, the `version` binding holding oldVersion that the
// derivation uses and the hash binding of its src. posLine, when not 0,
// is the line meta.position points at (inside the derivation's
// attribute set) and breaks ties between several candidate bindings.
func locate(f *ast.File, oldVersion string, posLine int) (target, error) {
	versions := bindingsNamed(f, []string{"version"})
	var candidates []binding
	for _, b := range versions {
		if b.text == oldVersion {
			candidates = append(candidates, b)
		}
	}
	if len(candidates) == 0 {
		return target{}, fmt.Errorf("%s: no `version = \"%s\";` binding (the package's version must be a string literal in this file)", f.Name, oldVersion)
	}
	v, err := pickVersion(f, candidates, posLine)
	if err != nil {
		return target{}, err
	}
	src, err := srcOf(f, v)
	if err != nil {
		return target{}, err
	}
	hashes := bindingsNamedIn(f, src.Value, hashNames)
	if len(hashes) != 1 {
		return target{}, fmt.Errorf("%s: src at %s: want exactly one `hash` or `sha256` string, found %d", f.Name, position(f, src.Pos()), len(hashes))
	}
	return target{version: v, hash: hashes[0]}, nil
}

// pickVersion chooses among version bindings holding the old version:
// the one whose set also binds src, else the one in the innermost set
// containing meta.position's line.
func pickVersion(f *ast.File, candidates []binding, posLine int) (binding, error) {
	if len(candidates) == 1 {
		return candidates[0], nil
	}
	var withSrc []binding
	for _, c := range candidates {
		if directSrc(c.set) != nil {
			withSrc = append(withSrc, c)
		}
	}
	if len(withSrc) == 1 {
		return withSrc[0], nil
	}
	if posLine > 0 {
		var inner *binding
		for i, c := range candidates {
			start, end := f.Tok.Line(c.set.Pos()), f.Tok.Line(c.set.End()-1)
			if start <= posLine && posLine <= end && (inner == nil || c.set.Pos() > inner.set.Pos()) {
				inner = &candidates[i]
			}
		}
		if inner != nil {
			return *inner, nil
		}
	}
	lines := make([]string, len(candidates))
	for i, c := range candidates {
		lines[i] = position(f, c.def.Pos())
	}
	return binding{}, fmt.Errorf("%s: %d `version` bindings hold %q (%s) and none is clearly the derivation's; edit the file by hand", f.Name, len(candidates), candidates[0].text, strings.Join(lines, ", "))
}

// srcOf finds the src binding of the derivation whose version is v: in
// v's own set, else the only src binding of the file.
func srcOf(f *ast.File, v binding) (*ast.AttrDef, error) {
	if d := directSrc(v.set); d != nil {
		return d, nil
	}
	var all []*ast.AttrDef
	ast.Inspect(f.Expr, func(n ast.Node) bool {
		if d, ok := n.(*ast.AttrDef); ok && singleKey(d) == "src" {
			all = append(all, d)
		}
		return true
	})
	if len(all) != 1 {
		return nil, fmt.Errorf("%s: found %d `src` bindings and none next to the version at %s", f.Name, len(all), position(f, v.def.Pos()))
	}
	return all[0], nil
}

// directSrc returns the `src = …;` binding of a set or let, if any.
func directSrc(set ast.Node) *ast.AttrDef {
	for _, b := range bindingsOf(set) {
		if d, ok := b.(*ast.AttrDef); ok && singleKey(d) == "src" {
			return d
		}
	}
	return nil
}

// bindingsNamed returns every `NAME = "literal";` in f with a single-key
// path in names, in source order.
func bindingsNamed(f *ast.File, names []string) []binding {
	return bindingsNamedIn(f, f.Expr, names)
}

func bindingsNamedIn(f *ast.File, root ast.Node, names []string) []binding {
	var found []binding
	if root == nil {
		return nil
	}
	ast.Inspect(root, func(n ast.Node) bool {
		for _, b := range bindingsOf(n) {
			d, ok := b.(*ast.AttrDef)
			if !ok || !contains(names, singleKey(d)) {
				continue
			}
			s, ok := ast.Unparen(d.Value).(*ast.StringExpr)
			if !ok {
				continue
			}
			if text, ok := s.StaticValue(); ok {
				found = append(found, binding{def: d, value: s, text: text, set: n})
			}
		}
		return true
	})
	sort.Slice(found, func(i, j int) bool { return found[i].def.Pos() < found[j].def.Pos() })
	return found
}

// bindingsOf returns the bindings of an attribute set, let or legacy let.
func bindingsOf(n ast.Node) []ast.Binding {
	switch n := n.(type) {
	case *ast.AttrSetExpr:
		return n.Bindings
	case *ast.LetExpr:
		return n.Bindings
	case *ast.LegacyLetExpr:
		return n.Bindings
	}
	return nil
}

// singleKey is the name bound by `name = …;`, "" for longer paths.
func singleKey(d *ast.AttrDef) string {
	if d.Path == nil || len(d.Path.Keys) != 1 {
		return ""
	}
	name, _ := ast.KeyName(d.Path.Keys[0])
	return name
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func position(f *ast.File, p token.Pos) string {
	pos := f.Tok.Position(p)
	return fmt.Sprintf("%d:%d", pos.Line, pos.Column)
}

// rewrite returns f's source with the version and hash literals
// replaced, leaving every other byte as it was.
func (t target) rewrite(f *ast.File, version, hash string) []byte {
	edits := []struct {
		node ast.Node
		text string
	}{{t.version.value, nixString(version)}, {t.hash.value, nixString(hash)}}
	if edits[0].node.Pos() > edits[1].node.Pos() {
		edits[0], edits[1] = edits[1], edits[0]
	}
	var out []byte
	last := 0
	for _, e := range edits {
		out = append(out, f.Src[last:f.Offset(e.node.Pos())]...)
		out = append(out, e.text...)
		last = f.Offset(e.node.End())
	}
	return append(out, f.Src[last:]...)
}

// nixString quotes s as a Nix double-quoted string.
func nixString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "${", `\${`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}
