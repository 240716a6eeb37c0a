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

var benchDir = flag.String("bind-corpus", "../testdata/conformance", "directory of .nix files BenchmarkBind binds")

// BenchmarkBind measures the binder alone (files parsed beforehand):
//
//	go test ./nixparse/scope -run '^$' -bench Bind -bind-corpus=/path/to/dir
func BenchmarkBind(b *testing.B) {
	var files []*ast.File
	size := 0
	err := filepath.WalkDir(*benchDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".nix") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, parser.ParseFile(token.NewFileSet(), p, src))
		size += len(src)
		return nil
	})
	if err != nil || len(files) == 0 {
		b.Fatalf("no files in %s: %v", *benchDir, err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			scope.Bind(f)
		}
	}
}
