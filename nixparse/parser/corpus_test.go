package parser_test

import (
	"bytes"
	"flag"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
)

// corpusDir is the directory whose .nix files TestCorpus parses; set it
// with -corpus=DIR or NIXPARSE_CORPUS=DIR (e.g. a home-manager checkout).
var corpusDir = flag.String("corpus", os.Getenv("NIXPARSE_CORPUS"), "directory of .nix files for TestCorpus (default testdata)")

// nixFiles lists the .nix files under dir.
func nixFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".nix") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no .nix files under %s", dir)
	}
	return files
}

// checkLossless fails unless f's tokens tile its source exactly and its
// comments are exactly its COMMENT tokens.
func checkLossless(t testing.TB, f *ast.File) {
	t.Helper()
	var buf bytes.Buffer
	prev := int32(0)
	var comments []string
	for _, tok := range f.Tokens {
		if tok.Offset != prev || tok.EndOffset < tok.Offset {
			t.Fatalf("%s: token %v at [%d,%d) does not follow %d", f.Name, tok.Kind, tok.Offset, tok.EndOffset, prev)
		}
		buf.Write(f.Src[tok.Offset:tok.EndOffset])
		prev = tok.EndOffset
		if tok.Kind == ast.COMMENT {
			comments = append(comments, string(f.Src[tok.Offset:tok.EndOffset]))
		}
	}
	if !bytes.Equal(buf.Bytes(), f.Src) {
		t.Fatalf("%s: tokens do not reproduce the source", f.Name)
	}
	if n := len(f.Tokens); n == 0 || f.Tokens[n-1].Kind != ast.EOF {
		t.Fatalf("%s: token stream does not end with EOF", f.Name)
	}
	if len(comments) != len(f.Comments) {
		t.Fatalf("%s: %d comment tokens, %d comments", f.Name, len(comments), len(f.Comments))
	}
	for i, c := range f.Comments {
		if c.Text != comments[i] || f.Text(c) != c.Text {
			t.Fatalf("%s: comment %d is %q, token %q", f.Name, i, c.Text, comments[i])
		}
	}
}

// checkPositions fails unless every node lies within its parent and the
// file, with Pos <= End.
func checkPositions(t testing.TB, f *ast.File) {
	t.Helper()
	ast.InspectWithStack(f, func(n ast.Node, stack []ast.Node) bool {
		if n.Pos() > n.End() || n.Pos() < f.Pos() || n.End() > f.End() {
			t.Fatalf("%s: %T spans [%d,%d) outside the file [%d,%d)", f.Name, n, n.Pos(), n.End(), f.Pos(), f.End())
		}
		if len(stack) > 0 {
			if parent := stack[len(stack)-1]; n.Pos() < parent.Pos() || n.End() > parent.End() {
				t.Fatalf("%s: %T at [%d,%d) outside its parent %T at [%d,%d)", f.Name, n, n.Pos(), n.End(), parent, parent.Pos(), parent.End())
			}
		}
		return true
	})
}

// TestCorpus parses every .nix file of the corpus directory: tokens must
// be lossless, positions sane, and files without a parse-fail- or error
// prefix must parse without errors.
func TestCorpus(t *testing.T) {
	dir := *corpusDir
	if dir == "" {
		dir = "testdata"
	}
	fset := token.NewFileSet()
	for _, path := range nixFiles(t, dir) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := parser.ParseFile(fset, path, src)
		checkLossless(t, f)
		checkPositions(t, f)
		if len(f.Errors) > 0 && !expectedError(path, f.Errors[0].Msg) {
			e := f.Errors[0]
			t.Errorf("%s: %s", fset.Position(e.Pos), e.Msg)
		}
	}
}

// expectedError reports whether a file may fail to parse: our own error_
// files, Nix's parse-fail- tests, and Nix's tests whose expected output
// (NAME.err.exp) has the error message.
func expectedError(path, msg string) bool {
	base := filepath.Base(path)
	if strings.HasPrefix(base, "parse-fail-") || strings.HasPrefix(base, "error_") {
		return true
	}
	exp, err := os.ReadFile(strings.TrimSuffix(path, ".nix") + ".err.exp")
	return err == nil && strings.Contains(string(exp), msg)
}
