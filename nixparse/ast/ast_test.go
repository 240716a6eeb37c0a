package ast_test

import (
	"go/token"
	"slices"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
)

func parse(t *testing.T, src string) *ast.File {
	t.Helper()
	return parser.ParseFile(token.NewFileSet(), "t.nix", []byte(src))
}

// TestPositions checks Pos and End of nodes whose extent depends on
// optional parts, as File.Text shows them (for the last node of the kinds
// listed).
func TestPositions(t *testing.T) {
	tests := []struct{ src, want string }{
		{"{ inherit (a) b; }", "inherit (a) b;"},
		{"{ inherit (a; }", "inherit (a;"},
		{"{ inherit (a", "inherit (a"},
		{"{ a.b = 1; }", "a.b = 1;"},
		{"rec { }", "rec { }"},
		{"''\n  x\n''", "''\n  x\n''"},
		{"x.y or z", "x.y or z"},
		{"a@{ b }: b", "a@{ b }: b"},
		{"{ b }@a: b", "{ b }@a: b"},
	}
	for _, tt := range tests {
		f := parse(t, tt.src)
		var got string
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.Inherit, *ast.AttrDef, *ast.AttrSetExpr, *ast.StringExpr, *ast.SelectExpr, *ast.LambdaExpr:
				got = f.Text(n) // the innermost such node wins
			}
			return true
		})
		if got != tt.want {
			t.Errorf("%q: first node's text %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestCommentsIn checks that the comments inside a node are found.
func TestCommentsIn(t *testing.T) {
	f := parse(t, "# a\n{ /* b */ x = 1; # c\n} # d")
	set := f.Expr.(*ast.AttrSetExpr)
	var got []string
	for _, c := range f.CommentsIn(set.Pos(), set.End()) {
		got = append(got, c.Text)
	}
	if want := []string{"/* b */", "# c"}; !slices.Equal(got, want) {
		t.Errorf("CommentsIn = %q, want %q", got, want)
	}
}

// TestKeyNames checks which attribute keys are static.
func TestKeyNames(t *testing.T) {
	f := parse(t, `{ a."b".${"c"}.${d}."e${f}" = 1; }`)
	keys := f.Expr.(*ast.AttrSetExpr).Bindings[0].(*ast.AttrDef).Path.Keys
	var got []string
	for _, k := range keys {
		name, ok := ast.KeyName(k)
		if !ok {
			name = "<dynamic>"
		}
		got = append(got, name)
	}
	if want := []string{"a", "b", "c", "<dynamic>", "<dynamic>"}; !slices.Equal(got, want) {
		t.Errorf("KeyName = %q, want %q", got, want)
	}
}
