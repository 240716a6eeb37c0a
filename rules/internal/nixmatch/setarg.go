package nixmatch

import "github.com/nixaudit/nixaudit/nixparse/ast"

// SetArg returns the attribute set an argument of a builder or fetcher
// call describes: the set itself (`{ … }`, `rec { … }`), or the set a
// function argument returns (`finalAttrs: { … }`, `old: { … }`), looking
// through parentheses, let, with and assert. It returns nil for any other
// expression (a variable, `args // { … }`).
func SetArg(e ast.Expr) *ast.AttrSetExpr {
	e = ast.Unparen(e)
	if fn, ok := e.(*ast.LambdaExpr); ok {
		e = fn.Body
	}
	set, _ := stripScopes(e).(*ast.AttrSetExpr)
	return set
}

// Attr returns the binding `name = …;` (a one-key path) of set, or nil.
// Bindings with longer paths (`name.x = …;`) and inherits are not
// returned: see HasAttr.
func Attr(set *ast.AttrSetExpr, name string) *ast.AttrDef {
	for _, b := range set.Bindings {
		if d, ok := b.(*ast.AttrDef); ok && len(d.Path.Keys) == 1 {
			if n, ok := ast.KeyName(d.Path.Keys[0]); ok && n == name {
				return d
			}
		}
	}
	return nil
}

// HasAttr reports whether set defines name in any way: `name = …;`,
// `name.x = …;`, `inherit name;` or `inherit (e) name;`.
func HasAttr(set *ast.AttrSetExpr, name string) bool {
	for _, b := range set.Bindings {
		switch b := b.(type) {
		case *ast.AttrDef:
			if n, ok := ast.KeyName(b.Path.Keys[0]); ok && n == name {
				return true
			}
		case *ast.Inherit:
			for _, k := range b.Names {
				if n, ok := ast.KeyName(k); ok && n == name {
					return true
				}
			}
		}
	}
	return false
}
