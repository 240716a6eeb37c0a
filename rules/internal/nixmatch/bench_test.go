package nixmatch_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/analyzer/nixpass/nixpasstest"
	"github.com/nixaudit/nixaudit/rules/flake"
	"github.com/nixaudit/nixaudit/rules/module"
	pkgrules "github.com/nixaudit/nixaudit/rules/package"
)

// BenchmarkRules runs the per-file rules built on this package (module,
// package and flake) over the Nix files under NIXMATCH_BENCH_DIR (by
// default this package's testdata), parsed and bound beforehand, with
// passes reused and an Inspector per file as the driver has them: the
// time and allocations are the rules' and the matching's alone, e.g.
//
//	NIXMATCH_BENCH_DIR=/path/to/home-manager go test ./rules/internal/nixmatch \
//	    -run '^$' -bench Rules -benchmem -cpu 1 -count 5
func BenchmarkRules(b *testing.B) {
	fset, files, size := nixpasstest.Corpus(b, "NIXMATCH_BENCH_DIR", "testdata")
	// One pass per rule, reused for every file as the driver does.
	var passes []*analysis.Pass
	for _, r := range append(append(module.Rules, pkgrules.Rules...), flake.Rules...) {
		if nixpass.IsProjectWide(r.Analyzer) {
			continue
		}
		for _, req := range r.Requires {
			if req != nixpass.Analyzer && req != nixpass.Inspect {
				b.Fatalf("%s requires %s, which the benchmark does not supply", r.Name, req.Name)
			}
		}
		passes = append(passes, &analysis.Pass{Analyzer: r.Analyzer, Fset: fset,
			ResultOf: map[*analysis.Analyzer]any{}, Report: func(analysis.Diagnostic) {}})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		nixpasstest.Analyze(files, func(f *nixpass.File, in *nixpass.Inspector) {
			for _, pass := range passes {
				pass.ResultOf[nixpass.Analyzer], pass.ResultOf[nixpass.Inspect] = f, in
				if _, err := pass.Analyzer.Run(pass); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
