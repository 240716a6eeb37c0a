package antipattern

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// LookupPath flags <nixpkgs>-style lookup paths.
var LookupPath = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "lookup-path",
		Doc: "`<nixpkgs>` lookup paths depend on NIX_PATH" + `

## What it does
Flags lookup paths such as ` + "`<nixpkgs>`" + ` and ` + "`<nixpkgs/nixos>`" + `: as a warning
in ` + "`flake.nix`" + ` and in NixOS/home-manager modules, as info elsewhere
(a ` + "`default.nix`" + ` or ` + "`shell.nix`" + ` with ` + "`pkgs ? import <nixpkgs> {}`" + `).
` + "`<nix/…>`" + ` (Nix's built-in corepkgs) is not flagged.

## Why is this bad?
The path is resolved from NIX_PATH on the machine that evaluates, so the
same code builds different things on different machines, and pure
evaluation (flakes) rejects it. Modules get nixpkgs through their ` + "`pkgs`" + `
and ` + "`modulesPath`" + ` arguments.

## Example
` + "```nix" + `
{ config, pkgs, ... }:
{
  imports = [ <nixpkgs/nixos/modules/profiles/minimal.nix> ];
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, pkgs, modulesPath, ... }:
{
  imports = [ (modulesPath + "/profiles/minimal.nix") ];
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runLookupPath,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
}

func runLookupPath(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	flake := nixpass.HasBase(f.Name, "flake.nix")
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.LookupPathExpr)(nil)}, func(n ast.Node) {
		lp, ok := n.(*ast.LookupPathExpr)
		if !ok || lp.Path == "nix" || strings.HasPrefix(lp.Path, "nix/") {
			return
		}
		d := analysis.Diagnostic{Pos: lp.Pos(), End: lp.End()}
		switch {
		case flake:
			d.Message = "<" + lp.Path + "> in a flake depends on NIX_PATH and fails in pure evaluation: use a flake input"
		case nixmatch.IsModuleFile(f):
			d.Message = "<" + lp.Path + "> in a module depends on NIX_PATH: use the pkgs or modulesPath module arguments"
		default:
			d.Message = "<" + lp.Path + "> depends on NIX_PATH: pin nixpkgs (a flake input, npins, or fetchTarball with a hash)"
			d = analyzer.WithSeverity(d, analyzer.SeverityInfo)
		}
		pass.Report(d)
	})
	return nil, nil
}
