package nixmatch

import (
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// Resolve follows e, when it is an identifier bound by let or rec to a
// plain `name = value;`, to the value, repeatedly (x = y; y = f z;
// resolves x to f z). Anything else, including identifiers bound by
// lambdas, formals or inherit, resolves to itself (without parentheses).
func Resolve(info *scope.Info, e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	for range maxDepth {
		v := BoundValue(info, e)
		if v == nil {
			return e
		}
		e = ast.Unparen(v)
	}
	return e
}

// BoundValue returns the value a let or rec binding gives the identifier
// e (for `inherit x;`, the outer x it refers to), or nil when e is not an
// identifier with such a binding.
func BoundValue(info *scope.Info, e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	def := info.DefOf(id)
	if def == nil || (def.Kind != scope.LetDef && def.Kind != scope.RecDef) {
		return nil
	}
	switch n := def.Node.(type) {
	case *ast.AttrDef:
		if len(n.Path.Keys) == 1 {
			return n.Value
		}
	case *ast.Inherit:
		if n.From == nil {
			if ref := inheritRef(info, def); ref != nil {
				return ref // let inherit x; in … stands for the outer x
			}
		}
	}
	return nil
}

// inheritRef returns the reference to the enclosing scope that the
// definition made by `inherit x;` stands for, or nil.
func inheritRef(info *scope.Info, def *scope.Def) *ast.Ident {
	if def.Ident == nil {
		return nil
	}
	return info.InheritRef(def.Ident)
}
