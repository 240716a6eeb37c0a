package nixmatch

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// TestReleasedMemoryGivesSameResults loads the Nix files of every rule
// package's testdata one after another into a Loader's reused memory,
// releasing each file's memos before the next, as the driver does, and
// checks that the calls and the Index found in memory of earlier files
// are those found for the file loaded on its own.
func TestReleasedMemoryGivesSameResults(t *testing.T) {
	ruletest.InReusedMemory(t, "../..", describe)
}

// describe renders f's calls, modules and option definitions with their
// positions.
func describe(fset *token.FileSet, f *nixpass.File) string {
	var b strings.Builder
	pos := func(n interface{ Pos() token.Pos }) string {
		p := fset.Position(n.Pos())
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	for _, c := range Calls(f) {
		fmt.Fprintf(&b, "call %s %s [%s] fun=%s operand=%v args:", pos(c.Node), strings.Join(c.Name.names, "."),
			c.Name.Last(), pos(c.Fun), c.UpdateOperand)
		for _, a := range c.Args {
			fmt.Fprintf(&b, " %s", pos(a))
		}
		b.WriteByte('\n')
	}
	for _, m := range Modules(f) {
		fmt.Fprintf(&b, "module %s prefix=%q whole=%v set=%v func=%v imports=%d\n", pos(m.Body),
			m.Prefix, m.Whole, m.Set != nil, m.Func != nil, len(m.Imports))
	}
	for _, d := range Options(f) {
		fmt.Fprintf(&b, "def %s %q cond=%v value=%v module=%s\n", pos(d.Key), d.Path, d.Conditional,
			d.Value != nil, pos(d.Module.Body))
	}
	return b.String()
}

// TestReleaseClearsMemory checks that released calls and indexes keep
// no reference to the file's tree: the pooled memory is cleared.
func TestReleaseClearsMemory(t *testing.T) {
	src := `{ lib, ... }: { imports = [ { a.b = 1; } ]; x.y = lib.mkIf c { z = (f a) b; }; u = (g 1) 2 3; }`
	f := nixpass.Load(token.NewFileSet(), "clear.nix", []byte(src))
	in := nixpass.NewInspector(f.File)
	defer in.Release()
	cs := findCalls(f, in)
	if len(cs.calls) != 3 || cs.args.used == 0 || cs.names.used == 0 {
		t.Fatalf("findCalls found %d calls, used %d chunks of args and %d of names; want 3 and some",
			len(cs.calls), cs.args.used, cs.names.used)
	}
	calls, args, names := cs.calls, cs.args.chunks[0], cs.names.chunks[0]
	cs.Release()
	for i, c := range calls {
		if c.Node != nil || c.Fun != nil || c.Args != nil || c.Name.info != nil || c.Name.names != nil || c.Name.root != nil {
			t.Errorf("released call %d = %+v, want it cleared", i, c)
		}
	}
	for i, a := range args {
		if a != nil {
			t.Errorf("released argument %d = %v, want nil", i, a)
		}
	}
	for i, n := range names {
		if n != "" {
			t.Errorf("released name part %d = %q, want empty", i, n)
		}
	}
	m := collect(f)
	if len(m.defs) == 0 || len(m.mods) != 2 {
		t.Fatalf("collect found %d definitions and %d modules, want some and 2", len(m.defs), len(m.mods))
	}
	defs, mods, modMem, paths := m.defs, m.mods, m.modules.chunks[0], m.paths.chunks[0]
	m.Release()
	for i := range defs {
		if defs[i].Path != nil || defs[i].Value != nil || defs[i].Module != nil {
			t.Errorf("released definition %d = %+v, want it cleared", i, defs[i])
		}
	}
	for i := range mods {
		if mods[i] != nil {
			t.Errorf("released module pointer %d is not nil", i)
		}
	}
	for i := range modMem {
		if modMem[i].Body != nil || modMem[i].Prefix != nil {
			t.Errorf("released module %d = %+v, want it cleared", i, modMem[i])
		}
	}
	for i, p := range paths {
		if p != "" {
			t.Errorf("released path part %d = %q, want empty", i, p)
		}
	}
}
