package nixmatch

import (
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// Bool returns the value of the literal true or false (in parentheses or
// not), unless the name is rebound in the file.
func Bool(info *scope.Info, e ast.Expr) (value, ok bool) {
	id, isIdent := ast.Unparen(e).(*ast.Ident)
	if !isIdent || (id.Name != "true" && id.Name != "false") {
		return false, false
	}
	if def := info.DefOf(id); def != nil && def.Kind != scope.BuiltinDef {
		return false, false
	}
	return id.Name == "true", true
}

// IsBool reports whether e is the literal want.
func IsBool(info *scope.Info, e ast.Expr, want bool) bool {
	v, ok := Bool(info, e)
	return ok && v == want
}

// String returns the value of a string literal without interpolations.
func String(e ast.Expr) (string, bool) {
	s, ok := ast.Unparen(e).(*ast.StringExpr)
	if !ok {
		return "", false
	}
	return s.StaticValue()
}

// Int returns the value of an integer literal, negated ones included.
func Int(e ast.Expr) (int64, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.IntLit:
		return e.Value, true
	case *ast.UnaryExpr:
		if e.Op == ast.OpNeg {
			if lit, ok := ast.Unparen(e.X).(*ast.IntLit); ok {
				return -lit.Value, true
			}
		}
	}
	return 0, false
}

// StringParts returns the literal text of a string or path, with each
// interpolation replaced by placeholder, so rules can inspect strings like
// "http://${host}/x" or ./secrets/${name}.age. ok is false for other
// expressions.
func StringParts(e ast.Expr, placeholder string) (text string, ok bool) {
	var parts []ast.StringPart
	switch e := ast.Unparen(e).(type) {
	case *ast.StringExpr:
		parts = e.Parts
	case *ast.PathExpr:
		parts = e.Parts
	default:
		return "", false
	}
	for _, p := range parts {
		if t, isText := p.(*ast.StringText); isText {
			text += t.Value
		} else {
			text += placeholder
		}
	}
	return text, true
}

// IsLiteralSet reports whether e (without wrappers' parentheses, let and
// with) is an attribute set written out, or an update `//` of such sets:
// a value whose attributes Options can see in full.
func IsLiteralSet(e ast.Expr) bool {
	switch v := stripScopes(e).(type) {
	case *ast.AttrSetExpr:
		return true
	case *ast.BinaryExpr:
		return v.Op == ast.OpUpdate && IsLiteralSet(v.X) && IsLiteralSet(v.Y)
	}
	return false
}

// Strings returns the string literals of a list, of lists joined with ++
// and of strings, each with its node; other elements are skipped.
func Strings(e ast.Expr) (values []string, nodes []ast.Expr) {
	switch v := ast.Unparen(e).(type) {
	case *ast.ListExpr:
		for _, el := range v.Elems {
			if s, ok := String(el); ok {
				values, nodes = append(values, s), append(nodes, el)
			}
		}
	case *ast.BinaryExpr:
		if v.Op == ast.OpConcat {
			values, nodes = Strings(v.X)
			more, moreNodes := Strings(v.Y)
			values, nodes = append(values, more...), append(nodes, moreNodes...)
		}
	}
	return values, nodes
}
