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

// TestUpdateOperands checks which calls are operands of `//` when
// updates and calls nest in one another and in parentheses, and when a
// call is an operand of an update inside another call's arguments.
func TestUpdateOperands(t *testing.T) {
	src := `{
  a = (f (x // g y)) // ((h z));
  b = k (l 1 // m) // { };
  c = (n 2) 3 // o 4 // p;
  d = q (r // s 5);
}`
	f := nixpass.Load(token.NewFileSet(), "updates.nix", []byte(src))
	var got []string
	for _, c := range Calls(f) {
		if c.UpdateOperand {
			got = append(got, f.Text(c.Node))
		}
	}
	want := []string{"f (x // g y)", "g y", "h z", "k (l 1 // m)", "l 1", "(n 2) 3", "o 4", "s 5"}
	if !slices.Equal(got, want) {
		t.Errorf("operands of // = %q, want %q", got, want)
	}
}
