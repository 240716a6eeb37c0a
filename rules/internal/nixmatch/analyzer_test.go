package nixmatch_test

import (
	"go/token"
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

// TestCallsOf checks that the calls found through the pass's Inspector
// are those a walk of the tree finds.
func TestCallsOf(t *testing.T) {
	src := `{ lib, ... }: {
  a = lib.mkEnableOption "a" // (lib.mkOption { default = f 1; });
  b = (g { }) (h 2) // x;
}`
	fresh := func() *nixpass.File { return nixpass.Load(token.NewFileSet(), "calls.nix", []byte(src)) }
	f := fresh()
	var got []nixmatch.Call
	rule := &analysis.Analyzer{Name: "calls", Doc: "calls",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run: func(pass *analysis.Pass) (any, error) {
			got = nixmatch.CallsOf(pass)
			return nil, nil
		}}
	if _, err := analyzer.Execute(token.NewFileSet(), map[*analysis.Analyzer]any{nixpass.Analyzer: f}, []*analysis.Analyzer{rule}); err != nil {
		t.Fatal(err)
	}
	want := nixmatch.Calls(fresh())
	if len(got) != 5 || len(got) != len(want) {
		t.Fatalf("CallsOf found %d calls, the walk %d, want 5", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if f.Text(g.Node) != fresh().Text(w.Node) || g.UpdateOperand != w.UpdateOperand || g.Name.Last() != w.Name.Last() {
			t.Errorf("call %d: CallsOf %q (operand %v, %q), walk %q (operand %v, %q)", i,
				f.Text(g.Node), g.UpdateOperand, g.Name.Last(), fresh().Text(w.Node), w.UpdateOperand, w.Name.Last())
		}
	}
}
