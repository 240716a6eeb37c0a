package pkgrules

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// TestFactsInReusedMemory finds the facts of the Nix files of every rule
// package's testdata one after another in a Loader's reused memory,
// releasing each file's memos before the next as the driver does, and
// checks them against the facts of the file loaded on its own.
func TestFactsInReusedMemory(t *testing.T) {
	if n := ruletest.InReusedMemory(t, "..", describeFacts); n < 20 {
		t.Errorf("only %d files with facts: the test needs more", n)
	}
}

// describeFacts renders the facts of f with their positions.
func describeFacts(fset *token.FileSet, f *nixpass.File) string {
	in := nixpass.NewInspector(f.File)
	defer in.Release()
	pass := &analysis.Pass{Fset: fset, ResultOf: map[*analysis.Analyzer]any{nixpass.Analyzer: f, nixpass.Inspect: in}}
	var b strings.Builder
	pos := func(p token.Pos) string { return fmt.Sprint(fset.Position(p).Offset) }
	for _, d := range derivations(pass) {
		fmt.Fprintf(&b, "drv %s %s\n", pos(d.Fun.Pos()), pos(d.Set.Pos()))
	}
	for _, c := range fetcherOrBuilderCalls(pass) {
		fmt.Fprintf(&b, "call %s\n", pos(c.Node.Pos()))
	}
	for _, h := range hashLiterals(pass) {
		fmt.Fprintf(&b, "hash %s %s %q %v\n", h.Name, pos(h.Lit.Pos()), h.Value, h.Algo)
	}
	for _, h := range hashBindings(pass) {
		fmt.Fprintf(&b, "binding %s %s\n", h.Name, pos(h.Def.Pos()))
	}
	return b.String()
}
