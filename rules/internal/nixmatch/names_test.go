package nixmatch_test

import (
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// TestShadowedWrapper checks that a let-bound mkIf is not the library's,
// and that aliases through inherit and let are followed.
func TestWrappers(t *testing.T) {
	_, f := load(t, "shadow.nix")
	got := map[string]string{}
	for _, d := range nixmatch.Options(f) {
		got[d.Path[0]] = f.Text(d.Value)
	}
	want := map[string]string{"a": "mkIf true 1", "b": "2", "c": "3", "d": "4"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: value %q, want %q", k, got[k], v)
		}
	}
}

func TestRefers(t *testing.T) {
	src := `{ lib, pkgs, nixpkgs, ... }:
let
  inherit (lib) optional;
  l = pkgs.lib;
  own = x: x;
in with lib; [
  (mkIf 1 2)
  (lib.mkIf 1 2)
  (lib.modules.mkIf 1 2)
  (pkgs.lib.mkIf 1 2)
  (nixpkgs.lib.mkIf 1 2)
  (l.mkIf 1 2)
  (optional 1 2)
  (own 1)
  (pkgs.mkIf 1 2)
  (lib.a.b.mkIf 1 2)
  (builtins.readFile ./x)
  (readFile ./x)
  (import ./x)
]`
	f := loadSrc(t, src)
	list := ast.Unparen(f.Expr.(*ast.LambdaExpr).Body.(*ast.LetExpr).Body.(*ast.WithExpr).Body).(*ast.ListExpr)
	cases := []struct {
		target string
		want   bool
	}{
		{"lib.mkIf", true},
		{"lib.mkIf", true},
		{"lib.mkIf", true},
		{"lib.mkIf", true},
		{"lib.mkIf", true},
		{"lib.mkIf", true},
		{"lib.optional", true},
		{"lib.own", false},
		{"lib.mkIf", false},
		{"lib.mkIf", false},
		{"builtins.readFile", true},
		{"builtins.readFile", true},
		{"builtins.import", true},
	}
	if len(cases) != len(list.Elems) {
		t.Fatalf("%d cases for %d elements", len(cases), len(list.Elems))
	}
	for i, c := range cases {
		e := list.Elems[i]
		if got := nixmatch.IsCallTo(f.Info, e, c.target); got != c.want {
			t.Errorf("IsCallTo(%s, %q) = %v, want %v", f.Text(e), c.target, got, c.want)
		}
	}
}

func TestResolveAndLiterals(t *testing.T) {
	src := `let
  drv = pkgs.runCommand "x" {} "";
  alias = drv;
  t = true;
  true' = true;
in rec {
  a = alias;
  b = (-3);
  c = "s${a}t";
  d = ./p/${a}.age;
  e = t;
  f = b;
}`
	f := loadSrc(t, src)
	set := f.Expr.(*ast.LetExpr).Body.(*ast.AttrSetExpr)
	val := func(i int) ast.Expr { return set.Bindings[i].(*ast.AttrDef).Value }
	if r := nixmatch.Resolve(f.Info, val(0)); f.Text(r) != `pkgs.runCommand "x" {} ""` {
		t.Errorf("Resolve(a) = %s", f.Text(r))
	}
	if v, ok := nixmatch.Int(val(1)); !ok || v != -3 {
		t.Errorf("Int(b) = %d, %v", v, ok)
	}
	if _, ok := nixmatch.String(val(2)); ok {
		t.Errorf("String of an interpolated string must fail")
	}
	if s, ok := nixmatch.StringParts(val(2), "*"); !ok || s != "s*t" {
		t.Errorf("StringParts(c) = %q, %v", s, ok)
	}
	if s, ok := nixmatch.StringParts(val(3), "*"); !ok || s != "./p/*.age" {
		t.Errorf("StringParts(d) = %q, %v", s, ok)
	}
	if v, ok := nixmatch.Bool(f.Info, nixmatch.Resolve(f.Info, val(4))); !ok || !v {
		t.Errorf("Bool(Resolve(e)) = %v, %v", v, ok)
	}
	if r := nixmatch.Resolve(f.Info, val(5)); f.Text(r) != "(-3)" && f.Text(r) != "-3" {
		t.Errorf("Resolve(f) through rec = %s", f.Text(r))
	}
}

// TestRefersUndefined checks that a bare name no with supplies (an
// undefined variable) is not taken for the library function.
func TestRefersUndefined(t *testing.T) {
	f := loadSrc(t, `{ lib }: { a = mkIf true 1; b = with lib; mkIf true 1; }`)
	set := f.Expr.(*ast.LambdaExpr).Body.(*ast.AttrSetExpr)
	a := set.Bindings[0].(*ast.AttrDef).Value
	b := set.Bindings[1].(*ast.AttrDef).Value.(*ast.WithExpr).Body
	if nixmatch.IsCallTo(f.Info, a, "lib.mkIf") {
		t.Errorf("undefined mkIf taken for lib.mkIf")
	}
	if !nixmatch.IsCallTo(f.Info, b, "lib.mkIf") {
		t.Errorf("mkIf under with lib not taken for lib.mkIf")
	}
}

func TestRootIdent(t *testing.T) {
	for src, want := range map[string]string{
		"x":            "x",
		"x.a.b":        "x",
		"(x.a).b":      "x",
		"((x)).a":      "x",
		"x.a or y":     "x",
		"(f x).a":      "",
		"{ a = 1; }.a": "",
		"1":            "",
	} {
		e := loadSrc(t, src).Expr
		got := ""
		if id := nixmatch.RootIdent(e); id != nil {
			got = id.Name
		}
		if got != want {
			t.Errorf("RootIdent(%s) = %q, want %q", src, got, want)
		}
	}
}
