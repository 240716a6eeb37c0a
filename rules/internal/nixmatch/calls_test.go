package nixmatch

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
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

// TestCallFacts checks the facts Calls resolves once per call: the name
// of the function (through aliases), whether the call is an operand of
// `//`, and the innermost application.
func TestCallFacts(t *testing.T) {
	src := `{ lib, ... }: let opt = lib.mkOption; in {
  a = lib.mkEnableOption "a" // (opt { default = 1; });
  b = (lib.mkOption { }) 2;
  c = x // { d = f 3; };
}`
	f := nixpass.Load(token.NewFileSet(), "facts.nix", []byte(src))
	var got []string
	for _, c := range Calls(f) {
		got = append(got, fmt.Sprintf("%s %q operand=%v innermost=%s",
			f.Text(c.Node), c.Name.Last(), c.UpdateOperand, f.Text(c.Innermost())))
	}
	want := []string{
		`lib.mkEnableOption "a" "mkEnableOption" operand=true innermost=lib.mkEnableOption "a"`,
		`opt { default = 1; } "mkOption" operand=true innermost=opt { default = 1; }`,
		`(lib.mkOption { }) 2 "mkOption" operand=false innermost=lib.mkOption { }`,
		`f 3 "f" operand=false innermost=f 3`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("Calls =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
