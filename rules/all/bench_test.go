package all

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/analyzer/nixpass/nixpasstest"
)

// BenchmarkRules runs each per-file rule alone, with the analyzers it
// requires, over the Nix files under RULES_BENCH_DIR (by default the
// repository's testdata), parsed and bound beforehand and presented as
// the driver presents them (fresh memos, an Inspector). "base" runs no
// rule: what every rule's figure includes besides its own work. Its
// figures say which rules to work on; instruction counts of one
// sub-benchmark (valgrind --tool=callgrind --toggle-collect='*analyzer.Execute')
// compare changes deterministically, e.g.
//
//	RULES_BENCH_DIR=/path/to/home-manager go test ./rules/all \
//	    -run '^$' -bench 'Rules/hardcoded-secret$' -benchmem
//
// "all" runs every per-file rule together, and every project-wide rule's
// file filter, as the driver does for each file but for parsing it: the
// instructions of its one goroutine (valgrind --tool=callgrind
// --toggle-collect='*nixpasstest.Analyze') measure a change to shared
// per-file work, such as the index or memoized values, without the
// driver's other goroutines.
func BenchmarkRules(b *testing.B) {
	fset, files, size := nixpasstest.Corpus(b, "RULES_BENCH_DIR", "../../testdata")
	bench := func(name string, analyzers []*analysis.Analyzer) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				nixpasstest.Analyze(files, func(f *nixpass.File, in *nixpass.Inspector) {
					base := map[*analysis.Analyzer]any{nixpass.Analyzer: f, nixpass.Inspect: in}
					if _, err := analyzer.Execute(fset, base, analyzers); err != nil {
						b.Fatal(err)
					}
				})
			}
		})
	}
	bench("base", nil)
	var perFileRules []*analysis.Analyzer
	for _, r := range Rules() {
		if perFile(r.Analyzer) {
			perFileRules = append(perFileRules, r.Analyzer)
		}
	}
	filters := projectFilters()
	b.Run("all", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			nixpasstest.Analyze(files, func(f *nixpass.File, in *nixpass.Inspector) {
				for _, keep := range filters {
					keep(f.Name, f.Src)
				}
				base := map[*analysis.Analyzer]any{nixpass.Analyzer: f, nixpass.Inspect: in}
				if _, err := analyzer.Execute(fset, base, perFileRules); err != nil {
					b.Fatal(err)
				}
			})
		}
	})
	for _, r := range Rules() {
		if !perFile(r.Analyzer) {
			continue
		}
		bench(r.Name, []*analysis.Analyzer{r.Analyzer})
	}
}

// perFile reports whether a runs on each file rather than once per run.
func perFile(a *analysis.Analyzer) bool {
	if a == nixpass.Analyzer {
		return true
	}
	if len(a.Requires) == 0 {
		return false
	}
	return !slices.ContainsFunc(a.Requires, func(req *analysis.Analyzer) bool { return !perFile(req) })
}

// projectFilters returns the file filters of the project-wide rules' base
// analyzers, which the driver calls for every file.
func projectFilters() []func(name string, src []byte) bool {
	var analyzers []*analysis.Analyzer
	for _, r := range Rules() {
		analyzers = append(analyzers, r.Analyzer)
	}
	var filters []func(name string, src []byte) bool
	for _, base := range nixpass.ProjectBases(analyzers) {
		filters = append(filters, nixpass.ProjectFilter(base))
	}
	return filters
}
