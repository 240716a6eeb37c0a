package module

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/internal/pool"
)

// optionDecl is a `mkOption { … }` call with its attribute set.
type optionDecl struct {
	Fun ast.Expr
	Set *ast.AttrSetExpr
}

// optionDeclsKey is the nixpass.File.Memo key of optionDecls: two rules
// read the declarations of every file.
var optionDeclsKey = nixpass.NewMemoKey()

// optionDecls returns the mkOption calls of f (lib.mkOption, mkOption
// under `with lib;`, `inherit (lib) mkOption;` …) whose argument is an
// attribute set written in place. Calls that only amend another
// declaration are left out: operands of `//`
// (`mkEnableOption "x" // mkOption { default = true; }`), and
// declarations that only add a submodule type to an option declared
// elsewhere (`accounts.email.accounts = mkOption { type = …submodule…; }`,
// also through a let-bound type),
// which the module system merges with the documented declaration.
func optionDecls(pass *analysis.Pass) []optionDecl {
	f := nixpass.Of(pass)
	return f.Memo(optionDeclsKey, func() any {
		out := declSlices.Get()
		for _, c := range nixmatch.CallsOf(pass) {
			if !c.Name.Refers("lib.mkOption") {
				continue
			}
			// Of (mkOption { … }) x, the inner application declares.
			call := c.Innermost()
			if len(call.Args) != 1 || call == c.Node && c.UpdateOperand {
				continue
			}
			if set, ok := ast.Unparen(call.Args[0]).(*ast.AttrSetExpr); ok && !extendsType(f, set) {
				out.Append(optionDecl{Fun: c.Fun, Set: set})
			}
		}
		return out
	}).(*pool.Slice[optionDecl]).Items()
}

// declSlices lends optionDecls its memory.
var declSlices pool.Slices[optionDecl]

// extendsType reports whether a declaration consists of nothing but a
// submodule type: an extension of an option declared elsewhere.
func extendsType(f *nixpass.File, set *ast.AttrSetExpr) bool {
	if len(set.Bindings) != 1 {
		return false
	}
	typ := nixmatch.Attr(set, "type")
	if typ == nil {
		return false
	}
	submodule := strings.Contains(f.Text(typ.Value), "submodule")
	ast.Inspect(typ.Value, func(n ast.Node) bool { // attrsOf lieerModule, where lieerModule = types.submodule …
		if v := nixmatch.BoundValue(f.Info, exprOf(n)); v != nil && strings.Contains(f.Text(v), "submodule") {
			submodule = true
		}
		return !submodule
	})
	return submodule
}

// exprOf returns n as an expression, or nil.
func exprOf(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}

// reportOptionsWithout returns the Run of a rule that reports, with
// message, every option declaration whose set lacks attr, unless the
// option is hidden from the documentation.
func reportOptionsWithout(attr, message string) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		f := nixpass.Of(pass)
		for _, d := range optionDecls(pass) {
			if !nixmatch.HasAttr(d.Set, attr) && !d.hidden(f) {
				pass.Report(analysis.Diagnostic{Pos: d.Fun.Pos(), End: d.Fun.End(), Message: message})
			}
		}
		return nil, nil
	}
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
