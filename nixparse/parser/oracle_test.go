package parser_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// nixError runs nix-instantiate --parse on path and returns the first
// error as "line:col: msg". Tests using it fail when Nix is missing.
func nixError(t *testing.T, path string) string {
	t.Helper()
	nix, err := exec.LookPath("nix-instantiate")
	if err != nil {
		t.Fatalf("nix-instantiate is required (apt-get install nix-bin): %v", err)
	}
	out, _ := exec.Command(nix, "--parse", path).CombinedOutput()
	msg := regexp.MustCompile(`(?m)^error: (.*)$`).FindSubmatch(out)
	loc := regexp.MustCompile(`(?m)^\s+at .*:(\d+):(\d+):$`).FindSubmatch(out)
	if msg == nil || loc == nil {
		return ""
	}
	return fmt.Sprintf("%s:%s: %s", loc[1], loc[2], msg[1])
}

// TestNixAgreesOnFirstError checks that the first error of every
// error_*.nix file in testdata is the one Nix reports, at the same line
// and column.
func TestNixAgreesOnFirstError(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "error_*.nix"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/error_*.nix: %v", err)
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, errs := parseErrors(string(src))
		if len(errs) == 0 {
			t.Errorf("%s: no error", path)
			continue
		}
		if want := nixError(t, path); errs[0] != want {
			t.Errorf("%s: first error %q, Nix says %q", path, errs[0], want)
		}
	}
}

// TestNixAgreesOnSnippets checks the first error of small inputs against
// Nix: one per syntax-error situation whose wording depends on the state
// the parser is in.
func TestNixAgreesOnSnippets(t *testing.T) {
	snippets := []string{
		"1 +", "{ a = 1 }", "{ a }", "1 == 2 == 3", "99999999999999999999", "./a/",
		"x ./a/ b", `"abc`, "''abc", "/* x", "let in", "{ a = 1; b = ; }", "x: ",
		"a.b or", "(1", "[1", "1 1 )", "let a = 1; b", "let a = 1; 3", "if a b",
		"if a then b", "with a b", "assert a b", "{ a b }", "{ a.b }", "[ 1 2 ; ]",
		"{ a ? , }: a", "{ a, b c }: a", "{ a, ... , b }: a", "a.b.", "inherit",
		"{ inherit (a; }", "{ inherit a }", "{ inherit 1; }", "f (", "( )", `{ "a" }`,
		"{ ${a} }", `"${a}`, "''${a}", "a: b:", "x@y: 1", "{}@", "1 +* 2", "-", "!",
		"rec", "let in in", "a <= <= b", "a: ...", "a/b//c", "a/b//c ", "x\n  a/b//c d", "x\n a/b//c",
		"a.b or or", "1.0e400", "1.0e-310", "9223372036854775808", "1 \n\n ++", "1\r+\r*", "1\r\n+\n\r*", "x\r\n  a\r\r\n  }",
		"$", "&", "\xff", "{ a = 1; } ]", "f let a", "1 < 2 > 3", "a ? 1",
		"{ or }: 1", "or", "[ or ]", "{ a = 1; inherit; }", "x: x: .",
		"# c\n\n", "/* */", "\"\\", "''\n  ${", "let { a = 1; ", "{ a = 1; } ${",
		"~/a/ b", "<a/b", "a.${b", "{ a.${b} = 1; c }",
		"{ a = 1; }: x", "let a = 1; in", "with;", "assert;", `"${}"`, "${a}", "x: { a ? 1 ",
		"a.b.c or", "{ a = 1; } @ x", "f { a, b }: 1", "({ a ? , b }: 1)", "a ? ${", "if if then",
		"{ a = if; }", "[ ] ++", "<a/b/>", "<a//b>", "a/b/${c}/",
		// Input ending in every construct.
		"{ a ? 1, ", "{ a, ", "{ ", "{ a", "{ a ?", "{ ...", "{ a, ...", "x@", "x@{", "{ a }@",
		"{ a }@x", "{ a = 1; ", "rec {", "let ", "let a", "let a =", "let a = 1", "{ inherit",
		"{ inherit (", "{ inherit (a)", "a.", `a."`, "a.${", "a ?", "if", "if a then",
		"if a then b else", "assert", "with", `"${`, "''${", "[", "(", "{", "a: b: c: ",
		"f ./a${",
	}
	dir := t.TempDir()
	for i, src := range snippets {
		path := filepath.Join(dir, fmt.Sprintf("s%d.nix", i))
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		want := nixError(t, path)
		if strings.Contains(want, ": undefined variable ") {
			want = "" // a semantic error: the input parses
		}
		_, errs := parseErrors(src)
		got := ""
		if len(errs) > 0 {
			got = errs[0]
		}
		if got != want {
			t.Errorf("%q: first error %q, Nix says %q", src, got, want)
		}
	}
}
