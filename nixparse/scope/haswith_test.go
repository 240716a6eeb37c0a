package scope_test

import (
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// TestHasUsesOfWith checks HasUsesOfWith against UsesOfWith for every
// with of the repository's Nix files, nested withs included.
func TestHasUsesOfWith(t *testing.T) {
	withs := 0
	for _, dir := range []string{"../../testdata", "../../rules", "../testdata"} {
		files, err := nixfiles.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range files {
			f := parser.ParseFile(token.NewFileSet(), src.Path, src.Src)
			info := scope.Bind(f)
			ast.Inspect(f, func(n ast.Node) bool {
				if w, ok := n.(*ast.WithExpr); ok {
					withs++
					if got, want := info.HasUsesOfWith(w), len(info.UsesOfWith(w)) > 0; got != want {
						t.Errorf("%s: HasUsesOfWith(with at %d) = %v, want %v", src.Path, w.Pos(), got, want)
					}
				}
				return true
			})
		}
	}
	if withs < 50 {
		t.Fatalf("only %d withs in the test files", withs)
	}
}
