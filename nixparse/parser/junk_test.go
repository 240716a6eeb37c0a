package parser_test

import (
	"go/token"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// TestJunk parses inputs that are not Nix at all: every byte value,
// invalid UTF-8, NULs, unbalanced brackets and random bytes. Each must
// give errors (not a panic), lossless tokens and sane positions.
func TestJunk(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	inputs := []string{
		string(all),
		"\xff\xfe\x00\x01{\x80}",
		"{ a = \x00; }",
		"\"\xc3\x28 ${ \xa0 }\"",
		"''\xf0\x28\x8c\x28''",
		strings.Repeat("}", 1000) + strings.Repeat(")", 1000) + strings.Repeat("]", 1000),
		strings.Repeat("${", 1000),
		strings.Repeat("''", 1001),
		strings.Repeat("./a${", 1000),
		strings.Repeat("/*", 1000),
		strings.Repeat("a:", 1000) + "-",
	}
	const alphabet = "{}[]()\"'$;:.,=@?!-+*/<>|&~#\\ \n\tainr0123456789xyz"
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		b := make([]byte, r.IntN(300))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, src := range inputs {
		f := parser.ParseFile(token.NewFileSet(), "junk.nix", []byte(src))
		checkLossless(t, f)
		checkPositions(t, f)
		scope.Bind(f)
	}
	if f := parser.ParseFile(token.NewFileSet(), "junk.nix", all); len(f.Errors) == 0 {
		t.Error("every byte value: no syntax error")
	}
}
