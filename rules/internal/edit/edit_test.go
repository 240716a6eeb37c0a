package edit

import (
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// file returns an *ast.File for src, enough for the text-level helpers.
func file(src string) *ast.File {
	fset := token.NewFileSet()
	tf := fset.AddFile("a.nix", -1, len(src))
	tf.SetLinesForContent([]byte(src))
	return &ast.File{Name: "a.nix", Tok: tf, Src: []byte(src)}
}

// TestDelete deletes the span marked «…» in each source.
func TestDelete(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{\n  a = 1;\n  «b = 2;»\n}\n", "{\n  a = 1;\n}\n"}, // alone on its line
		{"{\n  «b = 2;» # note\n}\n", "{\n  # note\n}\n"},    // comment after stays
		{"{ a = 1; «b = 2;» }\n", "{ a = 1; }\n"},            // blanks on both sides
		{"inherit a «b»;\n", "inherit a;\n"},                 // blanks before only
		{"[«a» b]\n", "[b]\n"},                               // after an opening bracket
		{"{ a«, b» }\n", "{ a }\n"},                          // no blank before: keep the one after
		{"x«y»z\n", "x z\n"},                                 // tokens would merge
		{"a\n«b»", "a"},                                      // last line without newline
		{"let\n  «a = 1;»\r\nin a\n", "let\nin a\n"},         // CRLF
	} {
		start := strings.Index(tc.src, "«")
		src := strings.Replace(tc.src, "«", "", 1)
		end := strings.Index(src, "»")
		src = strings.Replace(src, "»", "", 1)
		f := file(src)
		e := Delete(f, f.Tok.Pos(start), f.Tok.Pos(end))
		got, _, err := analyzer.ApplyEdits(f.Tok, f.Src, []analysis.TextEdit{e})
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("Delete in %q = %q, want %q", tc.src, got, tc.want)
		}
	}
}
