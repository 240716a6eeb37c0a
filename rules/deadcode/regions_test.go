package deadcode

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// TestInnermost checks the nesting index against a scan of all regions
// (innermost, and InDeadCode),
// for the span of every node of the testdata files and of sources whose
// regions nest deeply, sit side by side, or do not nest (syntax errors).
func TestInnermost(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.nix")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	srcs := map[string][]byte{
		"nested.nix":   []byte("let a = let b = let c = 1; in c; d = b; in b; inherit (a) e f; g = a.${let h = 1; in h}; in [ a g ]"),
		"siblings.nix": []byte("let a = 1; b = a; c = b; d = c; e = d; inherit a b; in e"),
		"broken.nix":   []byte("let a = let b = ; in c = b; d = (a; in d"),
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		srcs[name] = src
	}
	indexed := 0
	for name, src := range srcs {
		f := nixpass.Load(token.NewFileSet(), name, src)
		l := newLiveness(f, func(*scope.Def) bool { return false })
		if l.nest.nested {
			indexed++
		}
		ast.Inspect(f.File, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			if got, want := l.innermost(n.Pos(), n.End()), l.innermostScan(n.Pos(), n.End()); got != want {
				t.Errorf("%s: innermost(%T at %d) = %v, want %v", name, n, n.Pos(), got, want)
			}
			if got, want := l.InDeadCode(n), l.inDeadCodeScan(n); got != want {
				t.Errorf("%s: InDeadCode(%T at %d) = %v, want %v", name, n, n.Pos(), got, want)
			}
			return true
		})
	}
	if indexed < len(srcs)/2 {
		t.Errorf("only %d of %d files have nested regions", indexed, len(srcs))
	}
}

// BenchmarkInDeadCode asks InDeadCode for every binding of a let of
// 20,000 unused bindings, each holding a dead let of its own, as
// unused-let-binding does: the nesting index answers each in a binary
// search and a walk up the enclosing regions, where a scan of every
// region made the run quadratic (go test -bench InDeadCode ./rules/deadcode).
func BenchmarkInDeadCode(b *testing.B) {
	var src strings.Builder
	src.WriteString("let\n")
	for i := range 20000 {
		fmt.Fprintf(&src, "  a%d = let b = %d; in b;\n", i, i)
	}
	src.WriteString("in 1\n")
	f := nixpass.Load(token.NewFileSet(), "big.nix", []byte(src.String()))
	l := newLiveness(f, func(*scope.Def) bool { return false })
	if !l.nest.nested {
		b.Fatal("the regions of the benchmark do not nest")
	}
	for b.Loop() {
		for _, d := range f.Info.Defs {
			l.InDeadCode(defName(d))
		}
	}
}
