package nixmatch_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// TestForced lists the references each demand evaluates, with the names
// selected from them and the let-bound names followed.
func TestForced(t *testing.T) {
	src := `{ config, lib, f }:
let
  cfg = config.x;
  lazy = [ config.y ];
in
[
  (lib.optional cfg.enable ./a.nix)
  (f config.z)
  (if config.c then config.t else config.e)
  ([ config.l ] ++ lazy)
  ("${config.s}" + config.p or "d")
  (builtins.toString config.q)
  (lib.optionals config.o [ config.p2 ])
]`
	f := loadSrc(t, src)
	list := f.Expr.(*ast.LambdaExpr).Body.(*ast.LetExpr).Body.(*ast.ListExpr)
	want := []struct{ whnf, elems string }{
		{"lib.optional cfg.enable cfg<-config.x", "lib.optional cfg.enable cfg<-config.x"},
		{"f", "f"},
		{"config.c", "config.c"},
		{"lazy", "config.l lazy lazy<-config.y"},
		{"config.s config", "config.s config"},
		{"builtins.toString config.q", "builtins.toString config.q"},
		{"lib.optionals config.o", "lib.optionals config.o config.p2"},
	}
	render := func(e ast.Expr, d nixmatch.Demand) string { return renderForced(f, e, d) }
	for i, el := range list.Elems {
		if got := render(el, nixmatch.WHNF); got != want[i].whnf {
			t.Errorf("WHNF of %s: %q, want %q", f.Text(el), got, want[i].whnf)
		}
		if got := render(el, nixmatch.Elems); got != want[i].elems {
			t.Errorf("Elems of %s: %q, want %q", f.Text(el), got, want[i].elems)
		}
	}
}

// TestForcedAfterStop checks that an evaluation stopped by its visit
// leaves nothing to the next (Forced reuses its state): the same
// expression gives the same references, selections and bindings again.
func TestForcedAfterStop(t *testing.T) {
	f := loadSrc(t, `{ config }: let a = b.x; b = config.y.z; in [ a config.w.v ]`)
	body := f.Expr.(*ast.LambdaExpr).Body
	render := func() string { return renderForced(f, body, nixmatch.Elems) }
	const want = "a a<-b.x a<-b<-config.y.z config.w.v"
	if got := render(); got != want {
		t.Fatalf("first evaluation: %q, want %q", got, want)
	}
	n := 0
	nixmatch.Forced(f.Info, body, nixmatch.Elems, func(nixmatch.ForcedRef) bool {
		n++
		return n < 2 // stop inside the let-bound a
	})
	if got := render(); got != want {
		t.Errorf("after a stopped evaluation: %q, want %q", got, want)
	}
}

// renderForced lists what Forced reports for e under d: each reference
// with its selection, after the let bindings it was reached through
// (b<-config.x).
func renderForced(f *nixpass.File, e ast.Expr, d nixmatch.Demand) string {
	var out []string
	nixmatch.Forced(f.Info, e, d, func(r nixmatch.ForcedRef) bool {
		s := strings.Join(append([]string{r.Ident.Name}, r.Select()...), ".")
		for i := len(r.Via) - 1; i >= 0; i-- {
			s = r.Via[i].Name + "<-" + s
		}
		out = append(out, s)
		return true
	})
	return strings.Join(out, " ")
}

// TestForcedChainBound checks that Forced follows a chain of names
// (a0 = a1; a1 = a2; …) through 64 bindings at most: a chain as long as
// a file of thousands of bindings made a rule that asks for each binding
// run for minutes. A chain of ordinary length is followed to its end.
func TestForcedChainBound(t *testing.T) {
	chain := func(n int) string {
		var b strings.Builder
		b.WriteString("{ config }: let\n")
		for i := range n {
			fmt.Fprintf(&b, "  a%d = a%d;\n", i, i+1)
		}
		fmt.Fprintf(&b, "  a%d = config.x;\nin a0\n", n)
		return b.String()
	}
	for _, tc := range []struct {
		links      int
		refs       int  // references visited
		reachesEnd bool // config.x among them
	}{{10, 12, true}, {63, 65, true}, {64, 65, false}, {1000, 65, false}} {
		f := loadSrc(t, chain(tc.links))
		body := f.Expr.(*ast.LambdaExpr).Body.(*ast.LetExpr).Body
		refs, end := 0, false
		nixmatch.Forced(f.Info, body, nixmatch.WHNF, func(r nixmatch.ForcedRef) bool {
			refs++
			end = end || r.Ident.Name == "config"
			return true
		})
		if refs != tc.refs || end != tc.reachesEnd {
			t.Errorf("a chain of %d names: %d references visited (config.x: %v), want %d (%v)", tc.links, refs, end, tc.refs, tc.reachesEnd)
		}
	}
}
