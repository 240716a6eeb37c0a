package printer

import (
	"bytes"
	"go/token"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// TestLongChains binds and prints chains of 200,000 operators with a
// small stack: neither the binder nor the printer may recurse along an
// operator chain.
func TestLongChains(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(16 << 20))
	const n = 200000
	for _, op := range []string{"+", "-", "++", "//", "&&", "->"} {
		src := "a: " + strings.Repeat("a "+op+" ", n) + "a"
		f := parser.ParseFile(token.NewFileSet(), "chain.nix", []byte(src))
		if len(f.Errors) > 0 {
			t.Fatalf("%s: %s", op, f.Errors[0].Msg)
		}
		info := scope.Bind(f)
		if d := info.Defs[0]; len(d.Uses) != n+1 {
			t.Errorf("%s: %d uses of a, want %d", op, len(d.Uses), n+1)
		}
		var buf bytes.Buffer
		if err := Print(&buf, f, Options{}); err != nil {
			t.Fatal(err)
		}
		// Left-associative operators nest to the left, the others to the right.
		var want string
		switch op {
		case "+", "&&":
			want = strings.Repeat("(", n) + "a" + strings.Repeat(" "+op+" a)", n)
		case "-":
			want = strings.Repeat("(__sub ", n) + "a" + strings.Repeat(" a)", n)
		default:
			want = strings.Repeat("(a "+op+" ", n) + "a" + strings.Repeat(")", n)
		}
		if got, want := buf.String(), "(a: "+want+")\n"; got != want {
			t.Errorf("%s: printed %.60s…, want %.60s…", op, got, want)
		}
	}
}
