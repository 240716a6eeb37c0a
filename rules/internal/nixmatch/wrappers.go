package nixmatch

import (
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// wrappers maps the module system's value wrappers to the number of
// arguments that come before the wrapped value.
var wrappers = map[string]int{
	"lib.mkDefault":            0,
	"lib.mkForce":              0,
	"lib.mkOptionDefault":      0,
	"lib.mkImageMediaOverride": 0,
	"lib.mkVMOverride":         0,
	"lib.mkBefore":             0,
	"lib.mkAfter":              0,
	"lib.mkOverride":           1,
	"lib.mkOrder":              1,
	"lib.mkIf":                 1,
}

// Unwrap strips priority, order and condition wrappers (mkDefault,
// mkForce, mkOverride n, mkBefore, mkAfter, mkOrder n, mkIf c, with or
// without `lib.`) and parentheses from a definition's value.
// conditional reports whether an mkIf was among them.
func Unwrap(info *scope.Info, e ast.Expr) (value ast.Expr, conditional bool) {
	value, conditional, _ = unwrap(info, e)
	return value, conditional
}

// unwrap is Unwrap that also reports whether one of the mkIfs has the
// literal condition false: such a definition never applies.
func unwrap(info *scope.Info, e ast.Expr) (value ast.Expr, conditional, never bool) {
	e = ast.Unparen(e)
	for range maxDepth {
		fun, args := FlattenCall(e)
		if fun == nil {
			return e, conditional, never
		}
		name := wrapperName(info, fun)
		n := wrappers[name]
		if name == "" || len(args) != n+1 {
			return e, conditional, never
		}
		if name == "lib.mkIf" {
			conditional = true
			never = never || IsBool(info, args[0], false)
		}
		e = ast.Unparen(args[n])
	}
	return e, conditional, never
}

// wrapperName returns the wrapper fun refers to ("lib.mkIf"), or "".
func wrapperName(info *scope.Info, fun ast.Expr) string {
	name, _ := QualifiedName(info, fun)
	if len(name) == 0 {
		return ""
	}
	target := "lib." + name[len(name)-1]
	if _, ok := wrappers[target]; !ok || !Refers(info, fun, target) {
		return ""
	}
	return target
}
