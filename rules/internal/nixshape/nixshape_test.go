package nixshape

import (
	"go/token"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
)

func parse(t *testing.T, name, src string) *ast.File {
	t.Helper()
	f := parser.ParseFile(token.NewFileSet(), name, []byte(src))
	if len(f.Errors) > 0 {
		t.Fatalf("%s: %s", src, f.Errors[0].Msg)
	}
	return f
}

func TestFlakeOutputs(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // the outputs function's text, "" for none
	}{
		{"flake.nix", "{ inputs = { }; outputs = { self }: { }; }", "{ self }: { }"},
		{"dir/flake.nix", "({ outputs = (inputs: inputs); })", "inputs: inputs"},
		{"flake.nix", "{ outputs.x = { self }: 1; }", ""},
		{"flake.nix", "{ outputs = import ./outputs.nix; }", ""},
		{"default.nix", "{ outputs = { self }: { }; }", ""},
	} {
		f := parse(t, tc.name, tc.src)
		got := ""
		if lam := FlakeOutputs(f); lam != nil {
			got = f.Text(lam)
		}
		if got != tc.want {
			t.Errorf("%s %q: outputs %q, want %q", tc.name, tc.src, got, tc.want)
		}
	}
}

func TestTopKeys(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // names joined by spaces, "!" when not static
	}{
		{`{ a.b = 1; a.c = 2; inherit x; inherit (y) z w; "q" = 3; }`, "a a x z w q"},
		{`{ }`, ""},
		{`{ a = 1; ${b} = 2; }`, "!"},
		{`{ a."${b}" = 2; }`, "a"},
	} {
		set := parse(t, "a.nix", tc.src).Expr.(*ast.AttrSetExpr)
		names, ok := TopKeys(set)
		got := strings.Join(names, " ")
		if !ok {
			got = "!"
		}
		if got != tc.want {
			t.Errorf("TopKeys(%s) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestHasDocComment(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool // for the binding b
	}{
		{"{\n  /** Doc. */\n  b = 1;\n}", true},
		{"{\n  /**\n    Doc.\n  */\n\n  b = 1;\n}", true},
		{"{\n  /* Not doc. */\n  b = 1;\n}", false},
		{"{\n  /**/\n  b = 1;\n}", false},
		{"{\n  # Not doc.\n  b = 1;\n}", false},
		{"{\n  /** Doc of a. */\n  a = 1;\n  b = 2;\n}", false},
		{"{\n  /** Doc. */\n  # then a line comment\n  b = 1;\n}", false},
		{"{ b = 1; }", false},
	} {
		f := parse(t, "a.nix", tc.src)
		set := f.Expr.(*ast.AttrSetExpr)
		b := set.Bindings[len(set.Bindings)-1]
		if got := HasDocComment(f, b); got != tc.want {
			t.Errorf("HasDocComment(b) in %q = %v, want %v", tc.src, got, tc.want)
		}
	}
}
