package edit

import (
	"go/token"
	"slices"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
)

// TestAncestors checks Ancestors against a walk's stack for every node
// of a tree, a broken one included (its positions are the parser's
// recovery), and that a node of another tree is not found.
func TestAncestors(t *testing.T) {
	for _, src := range []string{
		"let a = { b.c = x: (f x).y or [ 1 \"s${t}\" ]; }; inherit (a) b; in with a; !(b == c) && d",
		"{ a = (; b = if x then y; c = ''\n  ${z}\n''; }",
	} {
		f := parser.ParseFile(token.NewFileSet(), "a.nix", []byte(src))
		nodes := 0
		ast.InspectWithStack(f, func(n ast.Node, stack []ast.Node) bool {
			nodes++
			got, ok := Ancestors(f, n)
			if !ok || !slices.Equal(got, stack) {
				t.Errorf("%q: Ancestors(%T at %d) = %d nodes, %v; want %d nodes", src, n, n.Pos(), len(got), ok, len(stack))
			}
			return true
		})
		if nodes < 10 {
			t.Fatalf("%q: only %d nodes", src, nodes)
		}
	}
	other := parser.ParseFile(token.NewFileSet(), "b.nix", []byte("x"))
	f := parser.ParseFile(token.NewFileSet(), "a.nix", []byte("x"))
	if got, ok := Ancestors(f, other.Expr); ok {
		t.Errorf("Ancestors of a node of another tree = %v, true", got)
	}
}
