package parser_test

import (
	"flag"
	"go/token"
	"os"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// benchDir is the directory BenchmarkParse reads; set it with
// -benchdir=DIR or NIXPARSE_BENCH_DIR=DIR.
var benchDir = flag.String("benchdir", os.Getenv("NIXPARSE_BENCH_DIR"), "directory of .nix files for BenchmarkParse (default testdata)")

// BenchmarkParse lexes, parses and binds every .nix file of the bench
// directory once per iteration; MB/s is over the total source size.
func BenchmarkParse(b *testing.B) {
	dir := *benchDir
	if dir == "" {
		dir = "testdata"
	}
	var srcs [][]byte
	total := 0
	for _, path := range nixFiles(b, dir) {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		fset := token.NewFileSet()
		for _, src := range srcs {
			scope.Bind(parser.ParseFile(fset, "bench.nix", src))
		}
	}
}

// BenchmarkParseOnly is BenchmarkParse without the binder.
func BenchmarkParseOnly(b *testing.B) {
	dir := *benchDir
	if dir == "" {
		dir = "testdata"
	}
	var srcs [][]byte
	total := 0
	for _, path := range nixFiles(b, dir) {
		src, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		fset := token.NewFileSet()
		for _, src := range srcs {
			parser.ParseFile(fset, "bench.nix", src)
		}
	}
}
