package scope_test

import (
	"flag"
	"go/token"
	"os"
	"testing"

	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// benchDir is the directory the benchmarks bind; set it with
// -benchdir=DIR or NIXPARSE_BENCH_DIR=DIR (as the parser's benchmarks).
var benchDir = flag.String("benchdir", os.Getenv("NIXPARSE_BENCH_DIR"), "directory of .nix files for the benchmarks (default ../testdata)")

// BenchmarkBind measures the binder alone, each file bound in fresh
// memory (files parsed beforehand; MB/s is over the source size):
//
//	NIXPARSE_BENCH_DIR=DIR go test ./nixparse/scope -run '^$' -bench Bind -cpu 1 -benchmem
func BenchmarkBind(b *testing.B) {
	files, size := benchFiles(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			scope.Bind(f)
		}
	}
}

// BenchmarkBindReuse is BenchmarkBind with one Binder for every file, as
// a worker of the driver binds.
func BenchmarkBindReuse(b *testing.B) {
	files, size := benchFiles(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var bd scope.Binder
	for b.Loop() {
		for _, f := range files {
			bd.Bind(f)
		}
	}
}

// benchFiles parses the .nix files of the bench directory.
func benchFiles(b *testing.B) (files []*ast.File, size int) {
	dir := *benchDir
	if dir == "" {
		dir = "../testdata"
	}
	srcs, err := nixfiles.Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, s := range srcs {
		files = append(files, parser.ParseFile(fset, s.Path, s.Src))
	}
	return files, int(nixfiles.Size(srcs))
}
