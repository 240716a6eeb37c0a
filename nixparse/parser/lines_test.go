package parser_test

import (
	"go/token"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/parser"
)

// nixLines returns the line starts of src as Nix counts lines, one byte
// at a time: a line starts after LF, after CR LF and after a lone CR,
// unless the file ends there.
func nixLines(src string) []int {
	lines := []int{0}
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
			i++
		case src[i] != '\n' && src[i] != '\r':
			continue
		}
		if i+1 < len(src) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// TestLineTable checks the line table of parsed files against nixLines:
// for line ends at every offset of the eight- and sixteen-byte words the
// scanner reads at once, at the end of the file, inside whitespace,
// comments, strings and indented strings (the scanner notes the line
// ends of each), and mixed with CRs.
func TestLineTable(t *testing.T) {
	srcs := []string{
		"", "\n", "a\n", "\na", "\n\n\n", "a\r\nb\rc\n", "\r", "\r\n", "x\r\r\n\n",
		"\"a\nb\"\n", "''\n  x\n  y\n''", "''  \n''", "/* a\nb */ x", "# c\nx", "\"open\n",
		"''\\\n''", "x ${\"\n\"} ./a/${b\n}", "\t\n \t \n        \n         x",
	}
	for n := 1; n <= 40; n++ {
		for lf := 0; lf < n; lf++ {
			b := []byte(strings.Repeat(" ", n))
			b[lf] = '\n'
			srcs = append(srcs, string(b), `"`+string(b)+`"`, "''"+string(b)+"''", "/*"+string(b)+"*/")
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "a  \n\n\r\x0b\x8a\"'$#{}/*\\;=."
	for range 3000 {
		b := make([]byte, r.IntN(100))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		srcs = append(srcs, string(b))
	}
	var reused parser.Parser
	for _, src := range srcs {
		want := nixLines(src)
		f := parser.ParseFile(token.NewFileSet(), "lines.nix", []byte(src))
		if got := f.Tok.Lines(); !slices.Equal(got, want) {
			t.Errorf("%q: lines %v, want %v", src, got, want)
		}
		f = reused.ParseFile(token.NewFileSet(), "lines.nix", []byte(src))
		if got := f.Tok.Lines(); !slices.Equal(got, want) {
			t.Errorf("%q, reused Parser: lines %v, want %v", src, got, want)
		}
	}
}
