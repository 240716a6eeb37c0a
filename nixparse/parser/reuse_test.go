package parser_test

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/internal/reuseorder"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/printer"
)

// snapshot renders everything ParseFile returns: the tree with positions
// and values, the tokens, the comments and the errors.
func snapshot(t testing.TB, f *ast.File) string {
	t.Helper()
	var b strings.Builder
	if err := printer.Dump(&b, f); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "tokens %v\n", f.Tokens)
	for _, c := range f.Comments {
		fmt.Fprintf(&b, "comment %d %q\n", c.Slash, c.Text)
	}
	for _, e := range f.Errors {
		fmt.Fprintf(&b, "error %d %d %d %s\n", e.Kind, e.Pos, e.End, e.Msg)
	}
	return b.String()
}

// treeStrings returns the strings of f's tree: names, literal texts and
// values, comments and error messages.
func treeStrings(f *ast.File) []string {
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			out = append(out, n.Name)
		case *ast.Name:
			out = append(out, n.Name)
		case *ast.StringText:
			out = append(out, n.Raw, n.Value)
		case *ast.IntLit:
			out = append(out, n.Raw)
		case *ast.FloatLit:
			out = append(out, n.Raw)
		case *ast.LookupPathExpr:
			out = append(out, n.Path)
		case *ast.URIExpr:
			out = append(out, n.Value)
		}
		return true
	})
	for _, c := range f.Comments {
		out = append(out, c.Text)
	}
	for _, e := range f.Errors {
		out = append(out, e.Msg)
	}
	return out
}

// reuseCase parses src with p and checks the result against a fresh
// parse. It returns the tree's strings and their copies, for checking
// after later parses that they did not live in reused memory.
func reuseCase(t testing.TB, p *parser.Parser, name string, src []byte) (strs, copies []string) {
	t.Helper()
	want := snapshot(t, parser.ParseFile(token.NewFileSet(), name, src))
	f := p.ParseFile(token.NewFileSet(), name, src)
	if got := snapshot(t, f); got != want {
		t.Fatalf("%s: reusing Parser differs from a fresh parse\n got %.2000s\nwant %.2000s", name, got, want)
	}
	checkLossless(t, f)
	strs = treeStrings(f)
	for _, s := range strs {
		copies = append(copies, strings.Clone(s))
	}
	return strs, copies
}

// checkStrings fails unless the strings of an earlier tree are unchanged.
func checkStrings(t testing.TB, name string, strs, copies []string) {
	t.Helper()
	for i, s := range strs {
		if s != copies[i] {
			t.Fatalf("%s: string %q of an earlier tree became %q after a later parse", name, copies[i], s)
		}
	}
}

// reuseSources returns the testdata files, their halves (unterminated
// constructs, error trees) and those of the corpus directory when set.
func reuseSources(t testing.TB) (names []string, srcs [][]byte) {
	dirs := []string{"testdata"}
	if *corpusDir != "" {
		dirs = append(dirs, *corpusDir)
	}
	for _, dir := range dirs {
		for _, path := range nixFiles(t, dir) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, path, path+"[:half]")
			srcs = append(srcs, src, src[:len(src)/2])
		}
	}
	return names, srcs
}

// TestParserReuse parses files one after another with one Parser, in
// order, in reverse order, and every testdata file after every other: each
// tree must equal a fresh parse, and the strings of the previous tree must
// survive the next parse.
func TestParserReuse(t *testing.T) {
	names, srcs := reuseSources(t)
	order := reuseorder.Of(len(names), 40)
	var p parser.Parser
	var prevName string
	var prevStrs, prevCopies []string
	for _, i := range order {
		strs, copies := reuseCase(t, &p, names[i], srcs[i])
		checkStrings(t, prevName, prevStrs, prevCopies)
		prevName, prevStrs, prevCopies = names[i], strs, copies
	}
}

// FuzzParseReuse parses a, b and a again with one Parser: each tree must
// equal a fresh parse, whatever the previous file left in the Parser.
func FuzzParseReuse(f *testing.F) {
	_, srcs := reuseSources(f)
	for i, src := range srcs {
		f.Add(src, srcs[(i+1)%len(srcs)])
	}
	f.Add([]byte("{ a = 1; }"), []byte(`''${x}'' # c`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var p parser.Parser
		var prevStrs, prevCopies []string
		for _, src := range slices.Repeat([][]byte{a, b}, 2) {
			strs, copies := reuseCase(t, &p, "in.nix", src)
			checkStrings(t, "in.nix", prevStrs, prevCopies)
			prevStrs, prevCopies = strs, copies
		}
	})
}

// TestParserReuseAllocations checks that a Parser that has parsed a file
// parses it again allocating only what the tree does not reuse: the
// File, its token.File with its FileSet entry and line table (files
// without errors or strings whose values need new memory).
func TestParserReuseAllocations(t *testing.T) {
	for _, name := range []string{"lambdas.nix", "numbers.nix", "or.nix", "paths.nix"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		var p parser.Parser
		p.ParseFile(fset, name, src)
		reused := testing.AllocsPerRun(10, func() { p.ParseFile(fset, name, src) })
		fresh := testing.AllocsPerRun(10, func() { parser.ParseFile(fset, name, src) })
		if reused > 6 || fresh < 4*reused {
			t.Errorf("%s: %v allocations per parse with a reused Parser (want at most 6), %v fresh", name, reused, fresh)
		}
	}
}

// TestParserRecycle parses files one after another with one Parser into
// one FileSet, recycling every other file: each tree must equal a fresh
// parse, the strings of every kept file must survive all later parses,
// a recycled file leaves the FileSet and the next file reuses its
// *ast.File.
func TestParserRecycle(t *testing.T) {
	names, srcs := reuseSources(t)
	// Fresh parses go into a FileSet of their own, in step with fset.
	fset, freshSet := token.NewFileSet(), token.NewFileSet()
	var p parser.Parser
	type kept struct {
		name         string
		strs, copies []string
	}
	var keptFiles []kept
	var recycled *ast.File
	for n, i := range reuseorder.Of(len(names), 40) {
		want := snapshot(t, parser.ParseFile(freshSet, names[i], srcs[i]))
		f := p.ParseFile(fset, names[i], srcs[i])
		if got := snapshot(t, f); got != want {
			t.Fatalf("%s: after a recycled file, the tree differs from a fresh parse\n got %.2000s\nwant %.2000s", names[i], got, want)
		}
		if recycled != nil && f != recycled {
			t.Fatalf("%s: the recycled *ast.File is not reused", names[i])
		}
		recycled = nil
		if n%2 == 0 {
			base := f.Tok.Base()
			p.Recycle(fset, f)
			if fset.File(token.Pos(base)) != nil {
				t.Fatalf("%s: a recycled file is still in its FileSet", names[i])
			}
			recycled = f
			continue
		}
		strs := treeStrings(f)
		var copies []string
		for _, s := range strs {
			copies = append(copies, strings.Clone(s))
		}
		keptFiles = append(keptFiles, kept{names[i], strs, copies})
		for _, k := range keptFiles {
			checkStrings(t, k.name, k.strs, k.copies)
		}
	}
	// Recycling a file that is not the last one parsed does nothing.
	a := p.ParseFile(fset, "a.nix", []byte("''\n  a\n''"))
	b := p.ParseFile(fset, "b.nix", []byte("''\n  b1\n  b2\n''"))
	value := b.Expr.(*ast.StringExpr).Parts[0].(*ast.StringText).Value
	p.Recycle(fset, a)
	if c := p.ParseFile(fset, "c.nix", []byte("''\n  c1\n  c2\n''")); c == a || c == b || fset.File(a.Tok.Pos(0)) == nil {
		t.Errorf("Recycle of an earlier file recycled it")
	}
	if value != "b1\nb2\n" {
		t.Errorf("b's value became %q", value)
	}
}

// TestParserRecycleAllocations checks that parsing a file again after
// recycling it allocates only its token.File and FileSet entry (files
// without errors or escapes, whose values need new memory), indented
// strings included.
func TestParserRecycleAllocations(t *testing.T) {
	indented := []byte("{\n  a = ''\n    x\n      y\n  '';\n  b = ''\n  \tz ${a}\n  '';\n}\n")
	for _, name := range []string{"lambdas.nix", "numbers.nix", "or.nix", "paths.nix", "indented"} {
		src := indented
		if name != "indented" {
			var err error
			if src, err = os.ReadFile(filepath.Join("testdata", name)); err != nil {
				t.Fatal(err)
			}
		}
		fset := token.NewFileSet()
		var p parser.Parser
		p.ParseFile(fset, name, src)
		allocs := testing.AllocsPerRun(10, func() {
			f := p.ParseFile(fset, name, src)
			p.Recycle(fset, f)
		})
		if allocs > 3 {
			t.Errorf("%s: %v allocations per recycled parse, want at most 3", name, allocs)
		}
	}
}
