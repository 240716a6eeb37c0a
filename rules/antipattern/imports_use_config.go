package antipattern

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// ImportsUseConfig flags imports that depend on the module arguments the
// module system computes from the imports themselves.
var ImportsUseConfig = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "imports-use-config",
		Doc: "`imports` that depend on `config`, `options` or `pkgs`: infinite recursion" + `

## What it does
Flags uses of the module arguments ` + "`config`, `options`" + ` and ` + "`pkgs`" + ` (also
as ` + "`args.config`" + ` and through let-bound names such as
` + "`cfg = config.services.foo;`" + `) that the module system must evaluate to
know a module's ` + "`imports`" + `: in a condition (` + "`lib.optional config.x ./a.nix`" + `),
in a path, or as the list itself. Uses it does not evaluate, such as a
message passed to ` + "`mkRemovedOptionModule`" + ` or an argument passed on to
an imported function, are fine.

## Why is this bad?
The module system must know every module before it can compute
` + "`config`" + ` (and ` + "`pkgs`" + `, which comes from ` + "`config`" + `), so imports that need them
fail with "infinite recursion encountered". ` + "`lib`" + ` and arguments passed
through ` + "`specialArgs`" + ` are fine.

Uses of ` + "`config`" + ` and ` + "`options`" + ` are errors: the module system always
computes them. Uses of ` + "`pkgs`" + ` are warnings: it recurses only when the
module system supplies ` + "`pkgs`" + ` (from ` + "`_module.args`" + `, as NixOS and
home-manager do), not when the function is called by hand
(` + "`import ./m.nix { inherit pkgs; }`" + `) or gets ` + "`pkgs`" + ` through
` + "`specialArgs`" + `, and one file does not tell which.

## Example
` + "```nix" + `
{ config, lib, ... }:
{
  imports = lib.optional config.services.nginx.enable ./nginx-extra.nix;
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, lib, ... }:
{
  imports = [ ./nginx-extra.nix ]; # and guard its content with lib.mkIf
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runImportsUseConfig,
	},
	Category: category,
	Severity: analyzer.SeverityError,
}

// lateArgs are the module arguments computed from the modules' config.
var lateArgs = []string{"config", "options", "pkgs"}

// moduleSystemArgs are the arguments the module system passes itself.
var moduleSystemArgs = []string{"config", "options", "lib", "pkgs", "modulesPath", "name", "specialArgs",
	"osConfig", "nixosConfig", "darwinConfig"}

// appliedByModuleSystem reports whether the module system can call fn: a
// pattern without "..." that asks for other arguments belongs to a
// function called by hand (import ./m.nix { inherit pkgs; … }), whose
// config and pkgs are whatever the caller passes.
func appliedByModuleSystem(fn *ast.LambdaExpr) bool {
	if fn.Formals == nil || fn.Formals.Ellipsis.IsValid() {
		return true
	}
	for _, f := range fn.Formals.List {
		if !slices.Contains(moduleSystemArgs, f.Name.Name) {
			return false
		}
	}
	return true
}

func runImportsUseConfig(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, m := range nixmatch.Of(pass).Modules {
		if m.Func == nil || !appliedByModuleSystem(m.Func) {
			continue
		}
		for _, d := range m.Imports {
			reported := map[*ast.Ident]bool{}
			nixmatch.Forced(f.Info, d.Value, nixmatch.Elems, func(r nixmatch.ForcedRef) bool {
				arg, pkgsOnly := lateArg(f.Info, m.Func, r)
				if arg == "" {
					return true
				}
				at := r.Ident
				for i := len(r.Via) - 1; i >= 0; i-- {
					arg += " (through `" + r.Via[i].Name + "`)"
					at = r.Via[i]
				}
				if !reported[at] {
					reported[at] = true
					pass.Report(importsDiagnostic(at, arg, pkgsOnly))
				}
				return true
			})
		}
	}
	return nil, nil
}

// importsDiagnostic reports the use at of the late argument arg. config
// and options are always computed from the imports; pkgs only when the
// module system supplies it (from _module.args, set through config), not
// when it comes from specialArgs or a caller's import ./m.nix { inherit
// pkgs; }, which one file does not tell: a warning that says so.
func importsDiagnostic(at *ast.Ident, arg string, pkgsOnly bool) analysis.Diagnostic {
	if !pkgsOnly {
		return analysis.Diagnostic{Pos: at.Pos(), End: at.End(),
			Message: "imports depend on " + arg + ", which the module system computes from the imports: infinite recursion"}
	}
	d := analysis.Diagnostic{Pos: at.Pos(), End: at.End(),
		Message: "imports depend on " + arg + ": infinite recursion if the module system supplies pkgs (from `_module.args`, which it computes from the imports); fine only when pkgs is passed by hand or through specialArgs"}
	return analyzer.WithSeverity(d, analyzer.SeverityWarning)
}

// lateArg describes the late module argument r stands for ("`config`",
// "`args.pkgs`") and whether it is pkgs, or returns "".
func lateArg(info *scope.Info, fn *ast.LambdaExpr, r nixmatch.ForcedRef) (string, bool) {
	def := info.DefOf(r.Ident)
	if def == nil || def.Owner != ast.Expr(fn) {
		return "", false
	}
	switch {
	case def.Kind == scope.FormalDef && slices.Contains(lateArgs, def.Name):
		return "`" + def.Name + "`", def.Name == "pkgs"
	case def.Kind == scope.AtDef || def.Kind == scope.LambdaArgDef:
		if sel := r.Select(); len(sel) > 0 && slices.Contains(lateArgs, sel[0]) {
			return "`" + def.Name + "." + sel[0] + "`", sel[0] == "pkgs"
		}
	}
	return "", false
}
