package ruletest

import (
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
)

// InReusedMemory checks a per-file result that lives in memory released
// files give back. It loads the Nix files under rulesDir (the rules
// directory: every rule package's testdata) one after another into a
// Loader's reused memory, twice over (the second round reuses memory
// grown for all files), releasing each file's memos before the next as
// the driver does, and fails when describe tells a file so loaded apart
// from the same file loaded into memory of its own. It returns how many
// files describe rendered as something.
func InReusedMemory(t *testing.T, rulesDir string, describe func(fset *token.FileSet, f *nixpass.File) string) (described int) {
	t.Helper()
	srcs, err := nixfiles.Read(rulesDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 100 {
		t.Fatalf("only %d files under %s: the test needs varied input", len(srcs), rulesDir)
	}
	fset := token.NewFileSet()
	var l nixpass.Loader
	for range 2 {
		for _, s := range srcs {
			want := describe(fset, nixpass.Load(fset, s.Path, s.Src))
			f := l.Load(fset, s.Path, s.Src)
			got := describe(fset, f)
			f.ReleaseMemo()
			if got != want {
				t.Fatalf("%s: in reused memory:\n%s\nalone:\n%s", s.Path, got, want)
			}
			if want != "" {
				described++
			}
		}
	}
	return described
}
