package parser_test

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// FuzzParse checks that no input makes the parser or the binder panic,
// that the tokens always reproduce the input and that positions stay
// within the file. Seeds: every .nix file of testdata, plus the crashers
// kept in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, path := range nixFiles(f, "testdata") {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file := parser.ParseFile(token.NewFileSet(), filepath.Join("fuzz", "in.nix"), src)
		checkLossless(t, file)
		checkPositions(t, file)
		scope.Bind(file)
	})
}
