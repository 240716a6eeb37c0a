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
	if def := info.Refs[id]; def != nil && def.Kind != scope.BuiltinDef {
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
