package nixmatch

import (
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

func TestCalls(t *testing.T) {
	src := "{ a = (f x) y; b = g (h z); c = (k); }"
	f := nixpass.Load(token.NewFileSet(), "calls.nix", []byte(src))
	var got []string
	for _, c := range Calls(f) {
		s := f.Text(c.Fun) + ":"
		for _, a := range c.Args {
			s += " " + f.Text(a)
		}
		got = append(got, s+" @"+f.Text(c.Node))
	}
	want := []string{"f: x y @(f x) y", "g: (h z) @g (h z)", "h: z @h z"}
	if len(got) != len(want) {
		t.Fatalf("Calls = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d = %q, want %q", i, got[i], want[i])
		}
	}
	first, again := Calls(f), Calls(f)
	if &first[0] != &again[0] {
		t.Error("Calls is computed again for the same file")
	}
}
