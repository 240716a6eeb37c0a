package antipattern

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// MkifFalseDefault flags `mkIf cond false`, which rarely means what it
// says.
var MkifFalseDefault = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "mkif-false-default",
		Doc: "`mkIf cond false` leaves the option at its default when cond is false" + `

## What it does
Flags ` + "`mkIf cond false`" + ` (and ` + "`lib.mkIf cond false`" + `).

## Why is this bad?
It sets the option to false when the condition holds and leaves it at its
default otherwise, so for an option that defaults to false it does nothing
at all, and for one that defaults to true it means ` + "`!cond`" + `. Either way
the code hides what the author meant.

## Example
` + "```nix" + `
{ config, lib, ... }:
{
  networking.networkmanager.enable = lib.mkIf config.networking.wireless.enable false;
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, lib, ... }:
{
  networking.networkmanager.enable = !config.networking.wireless.enable;
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runMkifFalseDefault,
	},
	Category: category,
	Severity: analyzer.SeverityInfo,
}

func runMkifFalseDefault(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	eachMkIfWith(pass, false, func(call *ast.CallExpr, cond ast.Expr, _ bool) {
		pass.Report(analysis.Diagnostic{
			Pos: call.Pos(), End: call.End(),
			Message: "`mkIf " + nixmatch.Snippet(f.File, cond, "cond") + " false` sets false only when the condition holds and the default otherwise: write the value meant (`!cond`, or `mkDefault false`)",
		})
	})
	return nil, nil
}
