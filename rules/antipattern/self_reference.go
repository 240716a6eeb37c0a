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
the function of a call, the argument of a strict builtin (` + "`toString`, `import`" + `),
a condition, or through other bindings of the same let
(` + "`let a = b; b = a;`" + `). Uses under a function, in a list or set, in a call
argument of another function or in an if branch are lazy and not flagged.

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
		if def.Kind != scope.LetDef && def.Kind != scope.RecDef || len(def.Uses) == 0 {
			continue // only a used binding can need itself
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
		var reported map[*ast.Ident]bool
		nixmatch.Forced(f.Info, value, nixmatch.WHNF, func(r nixmatch.ForcedRef) bool {
			if f.Info.DefOf(r.Ident) == def && !reported[r.Ident] {
				if reported == nil {
					reported = map[*ast.Ident]bool{}
				}
				reported[r.Ident] = true
				pass.Report(analysis.Diagnostic{Pos: r.Ident.Pos(), End: r.Ident.End(),
					Message: "`" + def.Name + "` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `" + def.Name + "` was meant)"})
			}
			return true
		})
	}
	return nil, nil
}
