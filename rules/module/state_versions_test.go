package module

import (
	"fmt"
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// TestStateVersionsAtSpellings checks that stateVersions, which looks
// only at the bindings around the spellings of stateVersion in the
// source, finds what a look at every node of the tree finds: on the
// Nix files of every rule package's testdata and on bindings spelled
// with escapes, quotes, interpolations and inherits.
func TestStateVersionsAtSpellings(t *testing.T) {
	srcs := map[string]string{
		"plain.nix":       `{ system.stateVersion = "24.11"; }`,
		"nested.nix":      `{ home = { stateVersion = "24.11"; }; }`,
		"inherit.nix":     `let stateVersion = "1"; in { system = { inherit stateVersion; }; home = { inherit (x) stateVersion; }; }`,
		"quoted.nix":      `{ system."stateVersion" = 1; }`,
		"escaped.nix":     `{ system."st\ate\Version" = 1; home = { "\stateVersion" = 2; }; }`,
		"interp.nix":      `{ home.${"stateVersion"} = 1; system = { ${''state''\Version''} = 2; }; }`,
		"value.nix":       `{ home.stateVersion = config.system.stateVersion; x = "stateVersion"; }`,
		"dynamic.nix":     `{ system.${x}.stateVersion = 1; ${y}.stateVersion = 2; home.${"state${v}"} = 3; }`,
		"not-a-key.nix":   `{ system.stateVersions = 1; home.xstateVersion = 2; home.stateVersionX = 3; }`,
		"deep.nix":        `{ a = { b = [ { system = rec { stateVersion = 1; }; } ]; }; }`,
		"escaped-t.nix":   `{ system."s\tateVersion" = 1; }`,
		"let-binding.nix": `let system.stateVersion = 1; in { }`,
	}
	files, err := nixfiles.Read("..") // rules/
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		srcs[f.Path] = string(f.Src)
	}
	found := 0
	for name, src := range srcs {
		f := nixpass.Load(token.NewFileSet(), name, []byte(src))
		want := map[bool]bool{}
		if f.Expr != nil {
			ast.InspectWithStack(f.Expr, func(n ast.Node, stack []ast.Node) bool {
				noteStateVersion(want, n, stack)
				return true
			})
		}
		got := stateVersions(f)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: stateVersions = %v, every node gives %v", name, got, want)
		}
		if len(want) > 0 {
			found++
		}
	}
	if found < 12 {
		t.Errorf("only %d sources set a stateVersion: the test needs more", found)
	}
}
