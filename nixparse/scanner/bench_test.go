package scanner

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// BenchmarkScan tokenizes every .nix file under NIXPARSE_BENCH_DIR (by
// default the parser's testdata) once per iteration, into one reused
// buffer, as a reusing parser does.
func BenchmarkScan(b *testing.B) {
	dir := os.Getenv("NIXPARSE_BENCH_DIR")
	if dir == "" {
		dir = "../parser/testdata"
	}
	var srcs [][]byte
	total := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".nix") {
			return err
		}
		src, err := os.ReadFile(path)
		srcs = append(srcs, src)
		total += len(src)
		return err
	})
	if err != nil || len(srcs) == 0 {
		b.Fatalf("no .nix files under %s: %v", dir, err)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	var sc Scanner
	var toks []ast.Token
	for b.Loop() {
		for _, src := range srcs {
			toks, _ = sc.Append(toks[:0], src)
		}
	}
}
