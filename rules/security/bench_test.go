package security_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/analyzer/nixpass/nixpasstest"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/security"
)

// BenchmarkHardcodedSecret runs hardcoded-secret alone over the Nix files
// under SECURITY_BENCH_DIR (by default this package's testdata), parsed
// and bound beforehand, with a pass reused and an Inspector and Index per
// file as the driver has them (the calls and passwords it shares with
// other rules are made here for it alone), e.g.
//
//	SECURITY_BENCH_DIR=/path/to/home-manager go test ./rules/security \
//	    -run '^$' -bench HardcodedSecret -benchmem -cpu 1 -count 5
func BenchmarkHardcodedSecret(b *testing.B) {
	fset, files, size := nixpasstest.Corpus(b, "SECURITY_BENCH_DIR", "testdata")
	pass := &analysis.Pass{Analyzer: security.HardcodedSecret.Analyzer, Fset: fset,
		ResultOf: map[*analysis.Analyzer]any{}, Report: func(analysis.Diagnostic) {}}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		nixpasstest.Analyze(files, func(f *nixpass.File, in *nixpass.Inspector) {
			pass.ResultOf[nixpass.Analyzer], pass.ResultOf[nixpass.Inspect] = f, in
			pass.ResultOf[nixmatch.Analyzer] = nixmatch.IndexOf(pass)
			if _, err := pass.Analyzer.Run(pass); err != nil {
				b.Fatal(err)
			}
		})
	}
}
