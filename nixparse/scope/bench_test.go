package scope_test

import (
	"flag"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".nix") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, parser.ParseFile(fset, p, src))
		size += len(src)
		return nil
	})
	if err != nil || len(files) == 0 {
		b.Fatalf("no .nix files in %s: %v", dir, err)
	}
	return files, size
}
