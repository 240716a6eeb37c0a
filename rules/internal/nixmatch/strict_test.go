package nixmatch_test

import (
	"strings"
	"testing"

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
	render := func(e ast.Expr, d nixmatch.Demand) string {
		var out []string
		nixmatch.Forced(f.Info, e, d, func(r nixmatch.ForcedRef) bool {
			s := strings.Join(append([]string{r.Ident.Name}, r.Select...), ".")
			for i := len(r.Via) - 1; i >= 0; i-- {
				s = r.Via[i].Name + "<-" + s
			}
			out = append(out, s)
			return true
		})
		return strings.Join(out, " ")
	}
	for i, el := range list.Elems {
		if got := render(el, nixmatch.WHNF); got != want[i].whnf {
			t.Errorf("WHNF of %s: %q, want %q", f.Text(el), got, want[i].whnf)
		}
		if got := render(el, nixmatch.Elems); got != want[i].elems {
			t.Errorf("Elems of %s: %q, want %q", f.Text(el), got, want[i].elems)
		}
	}
}
