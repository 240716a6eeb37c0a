package printer

import (
	"go/token"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// TestTruncatedFiles binds, and prints when possible, every prefix of
// every corpus file: error recovery leaves partial trees (bad
// expressions, missing parts) that neither the binder nor the printer
// may panic on.
func TestTruncatedFiles(t *testing.T) {
	files, err := filepath.Glob("../testdata/conformance/*.nix")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n <= len(src); n++ {
			f := parser.ParseFile(token.NewFileSet(), file, src[:n])
			info := scope.Bind(f)
			scope.FileErrors(f, info)
			Print(io.Discard, f, Options{Dir: "/d", Home: "/h"})
			Dump(io.Discard, f)
		}
	}
}
