package parser_test

import (
	"flag"
	"go/token"
	"os"
	"testing"

	"github.com/nixaudit/nixaudit/internal/cputime"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// benchDir is the directory the benchmarks read; set it with
// -benchdir=DIR or NIXPARSE_BENCH_DIR=DIR.
var benchDir = flag.String("benchdir", os.Getenv("NIXPARSE_BENCH_DIR"), "directory of .nix files for the benchmarks (default testdata)")

// BenchmarkParse lexes, parses and binds every .nix file of the bench
// directory once per iteration, each tree in fresh memory. MB/s is over
// the total source size; cpu-MB/s divides it by the CPU time used instead
// of the wall time, which stays meaningful on a loaded machine (run with
// -cpu 1).
func BenchmarkParse(b *testing.B) {
	benchmark(b, parser.ParseFile, func(f *ast.File) { scope.Bind(f) })
}

// BenchmarkParseOnly is BenchmarkParse without the binder.
func BenchmarkParseOnly(b *testing.B) {
	benchmark(b, parser.ParseFile, func(*ast.File) {})
}

// BenchmarkParseReuse is BenchmarkParse with one Parser and one Binder
// for every file, as a worker of the driver parses and binds.
func BenchmarkParseReuse(b *testing.B) {
	var p parser.Parser
	var binder scope.Binder
	benchmark(b, p.ParseFile, func(f *ast.File) { binder.Bind(f) })
}

// BenchmarkParseOnlyReuse is BenchmarkParseReuse without the binder.
func BenchmarkParseOnlyReuse(b *testing.B) {
	var p parser.Parser
	benchmark(b, p.ParseFile, func(*ast.File) {})
}

func benchmark(b *testing.B, parse func(*token.FileSet, string, []byte) *ast.File, then func(*ast.File)) {
	dir := *benchDir
	if dir == "" {
		dir = "testdata"
	}
	files, err := nixfiles.Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	total := nixfiles.Size(files)
	b.SetBytes(total)
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		fset := token.NewFileSet()
		for _, f := range files {
			then(parse(fset, "bench.nix", f.Src))
		}
	}
	if cpu := cputime.Since(start); cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}
