package module

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// ConfigShadowing flags bindings that hide a module's config argument.
var ConfigShadowing = pack.WithDoc("config-shadowing", analyzer.SeverityWarning, analyzer.FixNone, runConfigShadowing,
	nixmatch.RuleDoc("A binding named `config` hides the module's `config` argument",
		"Flags `let config = …;` (and `inherit … config;` in a let, `rec { config = …; }`) "+
			"and function arguments such as `mapAttrs (name: config: …)` inside a module "+
			"function that takes `config`. Patterns of nested module functions "+
			"(`types.submodule ({ config, ... }: …)`) are not flagged: their `config` is "+
			"the submodule's own, by design; neither is the `config:` argument of the functions "+
			"given to `mkChangedOptionModule` and `mkMergedOptionModule`, which is the whole "+
			"configuration and is named so in their documentation.",
		"Inside the binding's scope `config` no longer means the system configuration: "+
			"`config.services.foo.enable` then reads a field of the local value, which "+
			"silently evaluates to something else or fails with a confusing missing "+
			"attribute error.",
		`{ config, lib, ... }:
{
  users.users = lib.mapAttrs (name: config: { inherit (config) uid; }) config.my.users;
}`,
		`{ config, lib, ... }:
{
  users.users = lib.mapAttrs (name: user: { inherit (user) uid; }) config.my.users;
}`, ""))

// shadowingKinds are the definitions that can hide a module argument by
// accident; formals and @-patterns declare (sub)module functions.
var shadowingKinds = []scope.DefKind{scope.LetDef, scope.RecDef, scope.LambdaArgDef}

func runConfigShadowing(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	var funcs []*ast.LambdaExpr
	for _, m := range nixmatch.IndexOf(pass).Modules {
		if m.Func != nil && takesConfig(m.Func) {
			funcs = append(funcs, m.Func)
		}
	}
	if len(funcs) == 0 {
		return nil, nil
	}
	var conventional []*ast.LambdaExpr // found when a binding needs them
	for _, d := range f.Info.Defs {
		if d.Name != "config" || d.Ident == nil || !slices.Contains(shadowingKinds, d.Kind) {
			continue
		}
		if !slices.ContainsFunc(funcs, func(fn *ast.LambdaExpr) bool {
			return fn.Body.Pos() <= d.Ident.Pos() && d.Ident.End() <= fn.Body.End()
		}) {
			continue
		}
		if fn, ok := d.Owner.(*ast.LambdaExpr); ok {
			if conventional == nil {
				conventional = migrationFuncs(pass)
			}
			if slices.Contains(conventional, fn) {
				continue
			}
		}
		pass.Report(analysis.Diagnostic{Pos: d.Ident.Pos(), End: d.Ident.End(),
			Message: "`config` here hides the module's `config` argument: give it another name (`cfg`, `user`, …)"})
	}
	return nil, nil
}

// takesConfig reports whether a module function has a config formal.
func takesConfig(fn *ast.LambdaExpr) bool {
	return fn.Formals != nil && slices.ContainsFunc(fn.Formals.List, func(f *ast.Formal) bool { return f.Name.Name == "config" })
}

// migrationFuncs returns the functions passed to mkChangedOptionModule and
// mkMergedOptionModule: they receive the whole configuration, and their
// documented form names it `config`. The result is not nil.
func migrationFuncs(pass *analysis.Pass) []*ast.LambdaExpr {
	out := []*ast.LambdaExpr{}
	for _, c := range nixmatch.CallsOf(pass) {
		if !c.Name.RefersAny("lib.mkChangedOptionModule", "lib.mkMergedOptionModule") {
			continue
		}
		for _, a := range c.Args {
			if fn, ok := ast.Unparen(a).(*ast.LambdaExpr); ok {
				out = append(out, fn)
			}
		}
	}
	return out
}
