package antipattern

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// MkifTrue flags `mkIf cond true`, which is `cond` written the long way.
var MkifTrue = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "mkif-true",
		Doc: "`mkIf cond true` is `cond`" + `

## What it does
Flags ` + "`mkIf cond true`" + ` and ` + "`lib.mkIf cond true`" + `, in any spelling of
mkIf (` + "`with lib;`, `inherit (lib) mkIf;`, `lib.modules.mkIf`" + `).

## Why is this bad?
It is a roundabout way to say "true exactly when cond holds": the reader has
to work out that the condition is the value.

## Example
` + "```nix" + `
{ config, lib, ... }:
{
  services.nginx.enable = lib.mkIf config.services.grafana.enable true;
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, lib, ... }:
{
  services.nginx.enable = config.services.grafana.enable;
}
` + "```" + `

## Fix safety
The fix replaces the call with its condition. It is unsafe, so only
` + "`--fix --unsafe-fixes`" + ` applies it: ` + "`mkIf false true`" + ` defines nothing
(the option keeps its default, or another module's value), while
` + "`false`" + ` is a definition. For an option whose default is true, such as
` + "`networking.firewall.enable`" + `, the rewrite turns it off; where another
module defines the option too, the plain definition can conflict with it.
Where the default is false and no other module sets the option, the two
mean the same.`,
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runMkifTrue,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
	Fix:      analyzer.FixUnsafe,
}

func runMkifTrue(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	eachMkIfWith(pass, true, func(call *ast.CallExpr, cond ast.Expr, direct bool) {
		replacement := cond
		if direct {
			replacement = ast.Unparen(cond) // a binding's value needs no parentheses
		}
		pass.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			Message: "`mkIf " + nixmatch.Snippet(f.File, cond, "cond") + " true` is just the condition: use it directly",
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "replace with the condition",
				TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(f.Text(replacement))}},
			}},
		})
	})
	return nil, nil
}

// eachMkIfWith calls report for every `mkIf cond value` call whose value
// is the literal value; direct says whether the call is the whole value
// of a binding.
func eachMkIfWith(pass *analysis.Pass, value bool, report func(call *ast.CallExpr, cond ast.Expr, direct bool)) {
	f := nixpass.Of(pass)
	for _, c := range nixmatch.CallsOf(pass) {
		// mkIf is the function of the innermost application of (f a) b,
		// which must take both arguments itself.
		call := c.Innermost()
		if len(call.Args) != 2 || !c.Name.Refers("lib.mkIf") || !nixmatch.IsBool(f.Info, call.Args[1], value) {
			continue
		}
		d, direct := edit.Parent(f.File, call).(*ast.AttrDef)
		report(call, call.Args[0], direct && d.Value == ast.Expr(call))
	}
}
