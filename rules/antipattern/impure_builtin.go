package antipattern

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// ImpureBuiltin flags builtins that pure (flake) evaluation rejects.
var ImpureBuiltin = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "impure-builtin",
		Doc: "`builtins.currentSystem`, `getEnv` or `currentTime` in flake.nix" + `

## What it does
Flags ` + "`builtins.currentSystem`, `builtins.getEnv`" + ` and ` + "`builtins.currentTime`" + `
(also bare under ` + "`with builtins;`" + `) in ` + "`flake.nix`" + `. Other files are not
flagged: outside flakes these are legitimate.

## Why is this bad?
Flakes are evaluated purely: ` + "`currentSystem`" + ` is missing, ` + "`getEnv`" + ` returns
"" and ` + "`currentTime`" + ` is rejected, so the flake fails (or silently differs)
unless run with --impure.

## Example
` + "```nix" + `
{
  outputs = { self, nixpkgs }: {
    packages.${builtins.currentSystem}.default = nixpkgs.legacyPackages.${builtins.currentSystem}.hello;
  };
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  outputs = { self, nixpkgs }: {
    packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.hello;
  };
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runImpureBuiltin,
	},
	Category: category,
	Severity: analyzer.SeverityError,
}

// impureBuiltins are the builtins pure evaluation rejects.
var impureBuiltins = []string{"builtins.currentSystem", "builtins.getEnv", "builtins.currentTime"}

func runImpureBuiltin(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil || !nixpass.HasBase(f.Name, "flake.nix") {
		return nil, nil
	}
	report := func(n ast.Node, name string) {
		pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(),
			Message: "builtins." + name + " is impure: pure flake evaluation rejects it"})
	}
	nixpass.InspectorOf(pass).Nodes([]ast.Node{(*ast.Inherit)(nil), (*ast.Ident)(nil), (*ast.SelectExpr)(nil)}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Inherit: // inherit (builtins) currentSystem;
			if from, ok := n.From.(*ast.Ident); ok && from.Name == "builtins" && isFree(f, from) {
				for _, k := range n.Names {
					if name, ok := ast.KeyName(k); ok && slices.Contains(impureBuiltins, "builtins."+name) {
						report(k, name)
					}
				}
			}
		case *ast.Ident:
			// A bare name under `with builtins;`; let-bound aliases are
			// reported where they are bound.
			if isFree(f, n) && slices.Contains(impureBuiltins, "builtins."+n.Name) && nixmatch.Refers(f.Info, n, "builtins."+n.Name) {
				report(n, n.Name)
			}
		case *ast.SelectExpr:
			for _, b := range impureBuiltins {
				if name, _ := nixmatch.QualifiedName(f.Info, n.X); len(name) == 1 && name[0] == "builtins" && nixmatch.Refers(f.Info, n, b) {
					report(n, strings.TrimPrefix(b, "builtins."))
					return false
				}
			}
		}
		return true
	})
	return nil, nil
}

// isFree reports whether id is bound nowhere in the file (a global or a
// name a with supplies).
func isFree(f *nixpass.File, id *ast.Ident) bool {
	def := f.Info.DefOf(id)
	return def == nil || def.Kind == scope.BuiltinDef
}
