package scanner

import (
	"testing"

	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// BenchmarkScan tokenizes every .nix file under NIXPARSE_BENCH_DIR (by
// default the parser's testdata) once per iteration, into one reused
// buffer, as a reusing parser does.
func BenchmarkScan(b *testing.B) {
	dir := nixfiles.Dir("NIXPARSE_BENCH_DIR", "../parser/testdata")
	files, err := nixfiles.Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(nixfiles.Size(files))
	b.ReportAllocs()
	var sc Scanner
	var toks []ast.Token
	for b.Loop() {
		for _, f := range files {
			toks, _ = sc.Append(toks[:0], f.Src)
		}
	}
}
