package report

import (
	"strings"
	"testing"
)

// TestSourceLine checks every line of texts with and without a final
// newline, CRLF ends and empty lines against strings.Split, looking each
// line up twice and out of order, as reports do.
func TestSourceLine(t *testing.T) {
	texts := map[string]string{
		"a.nix": "{\n  a = 1;\r\n\n  b = 2;\n}\n",
		"b.nix": "x",
		"c.nix": "",
		"d.nix": "one\ntwo",
	}
	r := &Result{Source: func(file string) ([]byte, bool) {
		text, ok := texts[file]
		return []byte(text), ok
	}}
	for file, text := range texts {
		lines := strings.Split(text, "\n")
		for _, n := range []int{len(lines) + 1, 0, 1, len(lines), 2, 1, len(lines) + 1} {
			got, ok := r.sourceLine(file, n)
			want, wantOK := "", n >= 1 && n <= len(lines)
			if wantOK {
				want = strings.TrimSuffix(lines[n-1], "\r")
			}
			if got != want || ok != wantOK {
				t.Errorf("%s line %d = %q, %v; want %q, %v", file, n, got, ok, want, wantOK)
			}
		}
	}
	if _, ok := r.sourceLine("missing.nix", 1); ok {
		t.Error("a file without source has a line")
	}
}

// TestSourceLineFromLineStarts checks that lines come from the line
// table LineStarts gives, as positions were computed with it: Nix ends a
// line at a lone CR too. Files it does not know are split at LFs.
func TestSourceLineFromLineStarts(t *testing.T) {
	texts := map[string]string{
		"cr.nix":    "a\rb = 1;\r\nc\n",
		"plain.nix": "a\rb\nc",
	}
	r := &Result{
		Source: func(file string) ([]byte, bool) {
			text, ok := texts[file]
			return []byte(text), ok
		},
		LineStarts: func(file string) ([]int, bool) {
			if file == "cr.nix" {
				return []int{0, 2, 10}, true
			}
			return nil, false
		},
	}
	for _, c := range []struct {
		file string
		n    int
		want string
		ok   bool
	}{
		{"cr.nix", 1, "a", true},
		{"cr.nix", 2, "b = 1;", true},
		{"cr.nix", 3, "c", true},
		{"cr.nix", 4, "", false},
		{"plain.nix", 1, "a\rb", true},
		{"plain.nix", 2, "c", true},
		{"plain.nix", 3, "", false},
	} {
		if got, ok := r.sourceLine(c.file, c.n); got != c.want || ok != c.ok {
			t.Errorf("%s line %d = %q, %v; want %q, %v", c.file, c.n, got, ok, c.want, c.ok)
		}
	}
}
