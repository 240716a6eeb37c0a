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

// TestLineTable checks the line table of parsed files against nixLines,
// for line ends at every offset of the eight-byte words the parser reads
// at once, at the end of the file, and mixed with CRs.
func TestLineTable(t *testing.T) {
	srcs := []string{"", "\n", "a\n", "\na", "\n\n\n", "a\r\nb\rc\n", "\r", "\r\n", "x\r\r\n\n"}
	for n := 1; n <= 24; n++ {
		for lf := 0; lf < n; lf++ {
			b := []byte(strings.Repeat("a", n))
			b[lf] = '\n'
			srcs = append(srcs, string(b))
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		b := make([]byte, r.IntN(100))
		for i := range b {
			b[i] = "a \n\n\r\x0b\x8a"[r.IntN(7)]
		}
		srcs = append(srcs, string(b))
	}
	for _, src := range srcs {
		f := parser.ParseFile(token.NewFileSet(), "lines.nix", []byte(src))
		if got, want := f.Tok.Lines(), nixLines(src); !slices.Equal(got, want) {
			t.Errorf("%q: lines %v, want %v", src, got, want)
		}
	}
}
