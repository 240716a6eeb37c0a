package antipattern

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// SelfReference flags let and rec bindings whose value needs themselves.
var SelfReference = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "self-reference",
		Doc: "a let or rec binding whose value needs itself: infinite recursion" + `

## What it does
Flags a use of a let- or rec-bound name inside its own value where
evaluating the value must evaluate the name first: as an operand
(` + "`let a = a + 1;`" + `), as the set of a selection (` + "`let lib = lib.extend f;`" + `), as
the function of a call, a condition, or through other bindings of the same
let (` + "`let a = b; b = a;`" + `). Uses under a function, in a list or set, in a
call argument or an if branch are lazy and not flagged.

## Why is this bad?
Evaluation fails with "infinite recursion encountered". The usual intent is
to refer to an outer binding of the same name, which the inner one shadows.

## Example
` + "```nix" + `
{ lib }:
let
  lib = lib.extend (final: prev: { my = import ./my-lib.nix final; });
in
lib.my.hello
` + "```" + `

## Use instead
` + "```nix" + `
{ lib }:
let
  myLib = lib.extend (final: prev: { my = import ./my-lib.nix final; });
in
myLib.my.hello
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer},
		Run:      runSelfReference,
	},
	Category: category,
	Severity: analyzer.SeverityError,
}

func runSelfReference(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, def := range f.Info.Defs {
		if def.Kind != scope.LetDef && def.Kind != scope.RecDef {
			continue
		}
		var value ast.Expr
		switch n := def.Node.(type) {
		case *ast.AttrDef:
			if len(n.Path.Keys) == 1 {
				value = n.Value
			}
		case *ast.Inherit:
			value = n.From // let inherit (x) x; selects from itself
		}
		if value == nil {
			continue
		}
		for _, use := range def.Uses {
			if forces(f.Info, value, use, map[ast.Expr]bool{}) {
				pass.Report(analysis.Diagnostic{Pos: use.Pos(), End: use.End(),
					Message: "`" + def.Name + "` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `" + def.Name + "` was meant)"})
			}
		}
	}
	return nil, nil
}

// forces reports whether evaluating e must evaluate target, following
// let- and rec-bound names to their values.
func forces(info *scope.Info, e ast.Expr, target *ast.Ident, seen map[ast.Expr]bool) bool {
	switch v := e.(type) {
	case *ast.Ident:
		if v == target {
			return true
		}
		val := nixmatch.BoundValue(info, v)
		if val == nil || seen[val] {
			return false
		}
		seen[val] = true
		return forces(info, val, target, seen)
	case *ast.ParenExpr:
		return forces(info, v.X, target, seen)
	case *ast.UnaryExpr:
		return forces(info, v.X, target, seen)
	case *ast.BinaryExpr:
		switch v.Op {
		case ast.OpAnd, ast.OpOr, ast.OpImpl, ast.OpPipeLeft:
			return forces(info, v.X, target, seen)
		case ast.OpPipeRight:
			return forces(info, v.Y, target, seen)
		}
		return forces(info, v.X, target, seen) || forces(info, v.Y, target, seen)
	case *ast.SelectExpr:
		return forces(info, v.X, target, seen)
	case *ast.HasAttrExpr:
		return forces(info, v.X, target, seen)
	case *ast.CallExpr:
		return forces(info, v.Fun, target, seen)
	case *ast.IfExpr:
		return forces(info, v.Cond, target, seen)
	case *ast.LetExpr:
		return forces(info, v.Body, target, seen)
	case *ast.WithExpr:
		return forces(info, v.Body, target, seen)
	case *ast.AssertExpr:
		return forces(info, v.Cond, target, seen) || forces(info, v.Body, target, seen)
	case *ast.StringExpr:
		return partsForce(info, v.Parts, target, seen)
	case *ast.PathExpr:
		return partsForce(info, v.Parts, target, seen)
	}
	return false
}

func partsForce(info *scope.Info, parts []ast.StringPart, target *ast.Ident, seen map[ast.Expr]bool) bool {
	for _, p := range parts {
		if in, ok := p.(*ast.Interpolation); ok && forces(info, in.X, target, seen) {
			return true
		}
	}
	return false
}
