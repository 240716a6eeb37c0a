package antipattern

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/internal/nixshape"
)

// TrivialWrapper flags bindings that only forward to another function.
var TrivialWrapper = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "trivial-wrapper",
		Doc: "a binding that only forwards to another function" + `

## What it does
Flags a binding whose value is a function that passes its arguments, in
order, to another function and does nothing else
(` + "`mkIf = c: v: lib.mkIf c v;`" + `), and attribute sets that re-export a
library function under its own name (` + "`{ mkMerge = lib.mkMerge; }`" + `).
A binding right under a ` + "`/** … */`" + ` doc comment (RFC 145) is skipped:
nixdoc documents it under its own name, which is why nixpkgs' lib writes
` + "`concatStringsSep = builtins.concatStringsSep;`" + ` on purpose.

## Why is this bad?
The wrapper adds a name and a call to read through without adding
behaviour. Readers must check that it really is the function it wraps, and
tools (documentation, go-to-definition, this linter) lose track of what is
called.

## Example
` + "```nix" + `
{ lib, ... }:
let
  mkIf = c: v: lib.mkIf c v;
in
{ services.nginx.enable = mkIf true true; }
` + "```" + `

## Use instead
` + "```nix" + `
{ lib, ... }:
let
  inherit (lib) mkIf;
in
{ services.nginx.enable = mkIf true true; }
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runTrivialWrapper,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
}

func runTrivialWrapper(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	// Lets and attribute sets are visited type by type (their lists, not
	// a merge of both), as the order of findings does not matter.
	in := nixpass.InspectorOf(pass)
	in.Preorder([]ast.Node{(*ast.LetExpr)(nil)}, func(n ast.Node) {
		reportTrivialWrappers(pass, f, n.(*ast.LetExpr).Bindings, true)
	})
	in.Preorder([]ast.Node{(*ast.AttrSetExpr)(nil)}, func(n ast.Node) {
		reportTrivialWrappers(pass, f, n.(*ast.AttrSetExpr).Bindings, false)
	})
	return nil, nil
}

// reportTrivialWrappers reports the bindings that only forward to a
// function or re-export a library name (not in a let).
func reportTrivialWrappers(pass *analysis.Pass, f *nixpass.File, bindings []ast.Binding, inLet bool) {
	for _, b := range bindings {
		d, ok := b.(*ast.AttrDef)
		if !ok || !mayWrap(d.Value) || len(d.Path.Keys) != 1 {
			continue
		}
		name, ok := ast.KeyName(d.Path.Keys[0])
		if !ok {
			continue
		}
		target := forwardedTo(f, d.Value)
		reexport := target == "" && !inLet && reexportsLib(f.Info, name, d.Value)
		if target == "" && !reexport || nixshape.HasDocComment(f.File, d) {
			continue // a documented binding is a name of its own (nixdoc)
		}
		if target != "" {
			pass.Report(analysis.Diagnostic{Pos: d.Path.Pos(), End: d.Path.End(),
				Message: "`" + name + "` only passes its arguments on to " + target + ": use " + target + " directly"})
		} else {
			src := f.Text(ast.Unparen(d.Value).(*ast.SelectExpr).X)
			pass.Report(analysis.Diagnostic{Pos: d.Path.Pos(), End: d.Path.End(),
				Message: "`" + name + "` re-exports " + f.Text(ast.Unparen(d.Value)) + ": write `inherit (" + src + ") " + name + ";` or use it directly"})
		}
	}
}

// mayWrap reports whether a binding's value may be a wrapper: a
// function or a selection, maybe in parentheses. Its type is told from
// the binding's interface value, without loading the value's node or
// the binding's path, so most bindings cost no memory access more.
func mayWrap(v ast.Expr) bool {
	switch v.(type) {
	case *ast.LambdaExpr, *ast.SelectExpr, *ast.ParenExpr:
		return true
	}
	return false
}

// forwardedTo returns the name of the function that e, a curried lambda
// x1: … xn: F x1 … xn, forwards its arguments to, or "" when e does more.
// The lambdas are walked again for each use rather than kept in a list:
// a function bound to a name (most are) costs no memory.
func forwardedTo(f *nixpass.File, e ast.Expr) string {
	n, body := 0, e
	for {
		l, ok := ast.Unparen(body).(*ast.LambdaExpr)
		if !ok {
			break
		}
		if l.Formals != nil || l.Arg == nil {
			return ""
		}
		n++
		body = l.Body
	}
	if n == 0 {
		return "" // most values: no function to look into
	}
	fun, args := nixmatch.FlattenCall(body)
	if fun == nil || len(args) != n || !nixmatch.IsName(f.Info, fun) || usesArg(f.Info, nixmatch.RootIdent(fun), e) {
		return ""
	}
	l := ast.Unparen(e).(*ast.LambdaExpr)
	for _, a := range args {
		id, ok := ast.Unparen(a).(*ast.Ident)
		if !ok || id.Name != l.Arg.Name {
			return ""
		}
		if def := f.Info.DefOf(id); def != nil && def.Owner != ast.Expr(l) {
			return ""
		}
		l, _ = ast.Unparen(l.Body).(*ast.LambdaExpr)
	}
	return f.Text(ast.Unparen(fun))
}

// usesArg reports whether id refers to the argument of one of the
// curried lambdas e starts with (or, bound nowhere, has its name).
func usesArg(info *scope.Info, id *ast.Ident, e ast.Expr) bool {
	def := info.DefOf(id)
	for l, ok := ast.Unparen(e).(*ast.LambdaExpr); ok; l, ok = ast.Unparen(l.Body).(*ast.LambdaExpr) {
		if def != nil && def.Owner == ast.Expr(l) || def == nil && id.Name == l.Arg.Name {
			return true
		}
	}
	return false
}

// reexportsLib reports whether value is lib.NAME or builtins.NAME bound
// to the same NAME. Deeper names (types.int, lib.types.int) are data more
// often than re-exports ({ int = types.int; } maps tags to types).
func reexportsLib(info *scope.Info, name string, value ast.Expr) bool {
	sel, ok := ast.Unparen(value).(*ast.SelectExpr)
	if !ok || sel.Default != nil {
		return false
	}
	if last, _ := ast.KeyName(sel.Path.Keys[len(sel.Path.Keys)-1]); last != name {
		return false // the name selected last is the qualified name's last
	}
	q, _ := nixmatch.QualifiedName(info, sel)
	return len(q) == 2 && q[1] == name && (q[0] == "lib" || q[0] == "builtins")
}
