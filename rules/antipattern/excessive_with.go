package antipattern

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// ExcessiveWith flags `with` used so widely that names lose their origin.
var ExcessiveWith = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "excessive-with",
		Doc: "`with` over a whole file, nested `with`s, or `with (import <nixpkgs> {})`" + `

## What it does
Flags a ` + "`with`" + ` that wraps a whole file or module body, a ` + "`with`" + ` nested
directly in another one (` + "`with lib; with builtins; …`" + `), and
` + "`with (import <nixpkgs> {});`" + `. A scoped ` + "`with pkgs; [ … ]`" + ` list is fine.

## Why is this bad?
Every name under a ` + "`with`" + ` may come from its scope, so readers (and tools)
cannot tell where a name is defined; a name added to the scope later (a new
lib function, a new package) silently shadows nothing but changes what an
undefined name means, and static checks such as undefined-variable are
switched off for the whole body. ` + "`with (import <nixpkgs> {})`" + ` also imports
nixpkgs impurely from NIX_PATH.

## Example
` + "```nix" + `
{ config, lib, pkgs, ... }:
with lib;
{
  options.services.foo.enable = mkEnableOption "foo";
  config = mkIf config.services.foo.enable { environment.systemPackages = with pkgs; [ hello ]; };
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, lib, pkgs, ... }:
{
  options.services.foo.enable = lib.mkEnableOption "foo";
  config = lib.mkIf config.services.foo.enable { environment.systemPackages = with pkgs; [ hello ]; };
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runExcessiveWith,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
}

func runExcessiveWith(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	top := map[*ast.WithExpr]bool{}
	for e := f.Expr; e != nil; e = scopeBody(e) {
		if w, ok := e.(*ast.WithExpr); ok {
			top[w] = true
		}
	}
	nixpass.InspectorOf(pass).WithStack([]ast.Node{(*ast.WithExpr)(nil)}, func(n ast.Node, stack []ast.Node) {
		w := n.(*ast.WithExpr)
		var msg string
		switch {
		case importsLookupPath(f.Info, w.Scope):
			msg = "`with (import <…> {})` imports nixpkgs impurely and brings all of it into scope: take pkgs as an argument and name what you use"
		case top[w] && !isList(w.Body):
			msg = "`with " + nixmatch.Snippet(f.File, w.Scope, "…") + ";` covers the whole file: every name in it may come from the scope; qualify names or use `inherit (…) name;`"
		case directlyInWith(stack, w):
			msg = "nested `with`: names under both scopes are ambiguous; qualify names or use `inherit (…) name;`"
		}
		if msg != "" {
			pass.Report(analysis.Diagnostic{Pos: w.With, End: w.Semi + 1, Message: msg})
		}
	})
	return nil, nil
}

// scopeBody returns the expression that e's value is, when e only adds a
// scope around it (parentheses, function, let, with, assert), else nil.
func scopeBody(e ast.Expr) ast.Expr {
	switch v := e.(type) {
	case *ast.ParenExpr:
		return v.X
	case *ast.LambdaExpr:
		return v.Body
	case *ast.LetExpr:
		return v.Body
	case *ast.WithExpr:
		return v.Body
	case *ast.AssertExpr:
		return v.Body
	}
	return nil
}

// directlyInWith reports whether w, whose ancestors are stack, is the
// body of another with, through parentheses, let and assert but no
// function or set.
func directlyInWith(stack []ast.Node, w *ast.WithExpr) bool {
	var child ast.Node = w
	for i := len(stack) - 1; i >= 0; i-- {
		switch a := stack[i].(type) {
		case *ast.ParenExpr:
		case *ast.LetExpr:
			if a.Body != child {
				return false
			}
		case *ast.AssertExpr:
			if a.Body != child {
				return false
			}
		case *ast.WithExpr:
			return a.Body == child
		default:
			return false
		}
		child = stack[i]
	}
	return false
}

func isList(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.ListExpr)
	return ok
}

// importsLookupPath reports whether e is `import <…> …`.
func importsLookupPath(info *scope.Info, e ast.Expr) bool {
	args, ok := nixmatch.CallArgs(info, e, "builtins.import")
	if !ok || len(args) == 0 {
		return false
	}
	_, isLookup := ast.Unparen(args[0]).(*ast.LookupPathExpr)
	return isLookup
}
