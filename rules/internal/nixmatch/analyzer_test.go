package nixmatch_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// TestAnalyzer checks that rules requiring Analyzer get the file's index,
// computed once for all of them.
func TestAnalyzer(t *testing.T) {
	fset, f := load(t, "module.nix")
	var got []*nixmatch.Index
	rule := func(name string) *analysis.Analyzer {
		return &analysis.Analyzer{Name: name, Doc: name,
			Requires: []*analysis.Analyzer{nixmatch.Analyzer},
			Run: func(pass *analysis.Pass) (any, error) {
				got = append(got, nixmatch.Of(pass))
				return nil, nil
			}}
	}
	if _, err := analyzer.Execute(fset, map[*analysis.Analyzer]any{nixpass.Analyzer: f},
		[]*analysis.Analyzer{rule("a"), rule("b")}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != got[1] {
		t.Fatalf("got %d indexes, want one shared by both rules", len(got))
	}
	if len(got[0].Defs) != len(nixmatch.Options(f)) || len(got[0].Modules) != 3 {
		t.Errorf("index has %d definitions and %d modules, want %d and 3",
			len(got[0].Defs), len(got[0].Modules), len(nixmatch.Options(f)))
	}
}
