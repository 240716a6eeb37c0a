package antipattern

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// ReaddirImports flags module imports discovered by listing a directory.
var ReaddirImports = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "readdir-imports",
		Doc: "`imports` built from `builtins.readDir`" + `

## What it does
Flags a module's ` + "`imports`" + ` computed from ` + "`builtins.readDir`" + ` or
` + "`lib.filesystem.listFilesRecursive`" + `, directly or through a let-bound name
or helper function.

## Why is this bad?
"Magic auto-discovery" makes the module set depend on which files happen to
be in a directory: a stray or half-written file becomes part of every host,
deleting a file silently drops configuration, and neither readers nor tools
can tell from the code which modules a host uses.

## Example
` + "```nix" + `
{ lib, ... }:
{
  imports = map (name: ./modules + "/${name}") (builtins.attrNames (builtins.readDir ./modules));
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  imports = [
    ./modules/networking.nix
    ./modules/users.nix
  ];
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runReaddirImports,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
}

// directoryListers are the functions that list a directory.
var directoryListers = []string{"builtins.readDir", "lib.filesystem.listFilesRecursive"}

func runReaddirImports(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, m := range nixmatch.Of(pass).Modules {
		for _, d := range m.Imports {
			if literalPaths(d.Value) {
				continue // most imports: nothing that could list a directory
			}
			if n := listingIn(f.Info, d.Value, map[ast.Expr]bool{}); n != nil {
				pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(),
					Message: "imports are discovered by listing a directory: list the modules explicitly"})
			}
		}
	}
	return nil, nil
}

// literalPaths reports whether e is a list of paths written out, without
// interpolations: it holds no name or call, so no listing.
func literalPaths(e ast.Expr) bool {
	l, ok := ast.Unparen(e).(*ast.ListExpr)
	if !ok {
		return false
	}
	for _, el := range l.Elems {
		p, ok := el.(*ast.PathExpr)
		if !ok {
			return false
		}
		for _, part := range p.Parts {
			if _, ok := part.(*ast.StringText); !ok {
				return false
			}
		}
	}
	return true
}

// listingIn returns the directory-listing call in e, or the let-bound
// name in e whose value (transitively) lists a directory, or nil.
func listingIn(info *scope.Info, e ast.Expr, seen map[ast.Expr]bool) ast.Node {
	var found ast.Node
	ast.Inspect(e, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if nixmatch.RefersAny(info, n.Fun, directoryListers...) {
				found = n
			}
		case *ast.SelectExpr, *ast.Ident:
			if nixmatch.RefersAny(info, n.(ast.Expr), directoryListers...) {
				found = n // the lister itself, passed on as a value
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if v := nixmatch.BoundValue(info, id); v != nil && !seen[v] {
					seen[v] = true
					if listingIn(info, v, seen) != nil {
						found = id
					}
				}
			}
		}
		return found == nil
	})
	return found
}
