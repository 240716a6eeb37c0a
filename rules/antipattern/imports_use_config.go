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
` + "`cfg = config.services.foo;`" + `) inside a module's ` + "`imports`" + `.

## Why is this bad?
The module system must know every module before it can compute
` + "`config`" + ` (and ` + "`pkgs`" + `, which comes from ` + "`config`" + `), so imports that need them
fail with "infinite recursion encountered". ` + "`lib`" + ` and arguments passed
through ` + "`specialArgs`" + ` are fine.

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
		Requires: []*analysis.Analyzer{nixpass.Analyzer},
		Run:      runImportsUseConfig,
	},
	Category: category,
	Severity: analyzer.SeverityError,
}

// lateArgs are the module arguments computed from the modules' config.
var lateArgs = []string{"config", "options", "pkgs"}

func runImportsUseConfig(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, m := range nixmatch.Modules(f) {
		if m.Func == nil {
			continue
		}
		for _, d := range m.Imports {
			ast.InspectWithStack(d.Value, func(n ast.Node, stack []ast.Node) bool {
				id, ok := n.(*ast.Ident)
				if !ok {
					return true
				}
				if arg := lateArg(f.Info, m.Func, id, parentOf(stack), map[ast.Expr]bool{}); arg != "" {
					pass.Report(analysis.Diagnostic{Pos: id.Pos(), End: id.End(),
						Message: "imports depend on " + arg + ", which the module system computes from the imports: infinite recursion"})
				}
				return true
			})
		}
	}
	return nil, nil
}

func parentOf(stack []ast.Node) ast.Node {
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// lateArg describes the late module argument id stands for or leads to
// ("`config`", "`pkgs` (through `p`)"), or returns "". parent is id's parent node, to
// see args.config through an @-pattern or lambda argument.
func lateArg(info *scope.Info, fn *ast.LambdaExpr, id *ast.Ident, parent ast.Node, seen map[ast.Expr]bool) string {
	def := info.Refs[id]
	if def == nil {
		return ""
	}
	switch {
	case def.Owner == ast.Expr(fn) && def.Kind == scope.FormalDef && slices.Contains(lateArgs, def.Name):
		return "`" + def.Name + "`"
	case def.Owner == ast.Expr(fn) && (def.Kind == scope.AtDef || def.Kind == scope.LambdaArgDef):
		if sel, ok := parent.(*ast.SelectExpr); ok && sel.X == ast.Expr(id) {
			if name, ok := ast.KeyName(sel.Path.Keys[0]); ok && slices.Contains(lateArgs, name) {
				return "`" + def.Name + "." + name + "`"
			}
		}
	case def.Kind == scope.LetDef || def.Kind == scope.RecDef:
		v := nixmatch.BoundValue(info, id)
		if v == nil || seen[v] {
			return ""
		}
		seen[v] = true
		found := ""
		ast.InspectWithStack(v, func(n ast.Node, stack []ast.Node) bool {
			if inner, ok := n.(*ast.Ident); ok && found == "" {
				if a := lateArg(info, fn, inner, parentOf(stack), seen); a != "" {
					found = a + " (through `" + id.Name + "`)"
				}
			}
			return found == ""
		})
		return found
	}
	return ""
}
