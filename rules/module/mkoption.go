package module

import (
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// optionDecl is a `mkOption { … }` call with its attribute set.
type optionDecl struct {
	Fun ast.Expr
	Set *ast.AttrSetExpr
}

// optionDecls returns the mkOption calls of f (lib.mkOption, mkOption
// under `with lib;`, `inherit (lib) mkOption;` …) whose argument is an
// attribute set written in place.
func optionDecls(f *nixpass.File) []optionDecl {
	var out []optionDecl
	if f.Expr == nil {
		return nil
	}
	ast.Inspect(f.Expr, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		args, ok := nixmatch.CallArgs(f.Info, call, "lib.mkOption")
		if !ok || len(args) != 1 {
			return true
		}
		if set, ok := ast.Unparen(args[0]).(*ast.AttrSetExpr); ok {
			fun, _ := nixmatch.FlattenCall(call)
			out = append(out, optionDecl{Fun: fun, Set: set})
		}
		return true
	})
	return out
}

// hidden reports whether the option is kept out of the documentation
// (`internal = true;` or `visible = false;`), where a description is not
// read by anyone.
func (d optionDecl) hidden(f *nixpass.File) bool {
	if a := nixmatch.Attr(d.Set, "internal"); a != nil && nixmatch.IsBool(f.Info, a.Value, true) {
		return true
	}
	a := nixmatch.Attr(d.Set, "visible")
	return a != nil && nixmatch.IsBool(f.Info, a.Value, false)
}
