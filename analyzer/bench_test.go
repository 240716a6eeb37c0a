package analyzer_test

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/internal/cputime"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"github.com/nixaudit/nixaudit/report"
	"github.com/nixaudit/nixaudit/rules/all"
)

// BenchmarkCheck runs the full audit (every rule, as `nixaudit check`
// does) over the directory named by NIXAUDIT_BENCH_DIR,
// by default the repository's testdata. It reports the throughput in
// MB/s of Nix source, the CPU time per run of all threads (cpu-ms/op,
// which a busy machine distorts less than wall time) and the allocations
// per run, e.g.
//
//	NIXAUDIT_BENCH_DIR=/path/to/home-manager go test ./analyzer \
//	    -run '^$' -bench Check -benchmem -count 5 -cpuprofile cpu.out -memprofile mem.out
//
// Timings vary with the machine and its load: compare runs of the same
// session, never assert on them.
func BenchmarkCheck(b *testing.B) {
	dir := nixfiles.Dir("NIXAUDIT_BENCH_DIR", filepath.Join("..", "testdata"))
	files, err := nixfiles.Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(nixfiles.Size(files))
	opts := analyzer.Options{Paths: []string{dir}, Rules: all.Rules(), FailOn: "none"}
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		out, err := analyzer.Check(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		if out.Result.Summary.Files == 0 {
			b.Fatalf("no Nix file under %s", dir)
		}
	}
	if cpu := cputime.Since(start); cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkReport renders the findings of one audit of
// NIXAUDIT_BENCH_DIR in each format, as the CLI does after the audit:
// that part of a run uses one core, e.g.
//
//	NIXAUDIT_BENCH_DIR=/path/to/home-manager go test ./analyzer \
//	    -run '^$' -bench Report -benchmem
func BenchmarkReport(b *testing.B) {
	dir := nixfiles.Dir("NIXAUDIT_BENCH_DIR", filepath.Join("..", "testdata"))
	out, err := analyzer.Check(context.Background(), analyzer.Options{Paths: []string{dir}, Rules: all.Rules(), FailOn: "none"})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range report.Formats {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				// A copy without the caches a report fills in.
				res := &report.Result{Diagnostics: out.Result.Diagnostics, Summary: out.Result.Summary,
					Rules: out.Result.Rules, ToolVersion: out.Result.ToolVersion, Source: out.Result.Source}
				if err := report.Write(io.Discard, format, res, report.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
