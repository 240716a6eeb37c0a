package nixmatch

import (
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// A wrapper is one of the module system's value wrappers.
type wrapper struct {
	target string // the library function, "lib.mkIf"
	n      int    // the number of arguments before the wrapped value
}

// wrappers are the wrappers, by last name.
var wrappers = map[string]wrapper{
	"mkDefault":            {"lib.mkDefault", 0},
	"mkForce":              {"lib.mkForce", 0},
	"mkOptionDefault":      {"lib.mkOptionDefault", 0},
	"mkImageMediaOverride": {"lib.mkImageMediaOverride", 0},
	"mkVMOverride":         {"lib.mkVMOverride", 0},
	"mkBefore":             {"lib.mkBefore", 0},
	"mkAfter":              {"lib.mkAfter", 0},
	"mkOverride":           {"lib.mkOverride", 1},
	"mkOrder":              {"lib.mkOrder", 1},
	"mkIf":                 {"lib.mkIf", 1},
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
		w, ok := wrapperOf(info, fun)
		if !ok || len(args) != w.n+1 {
			return e, conditional, never
		}
		if w.target == "lib.mkIf" {
			conditional = true
			never = never || IsBool(info, args[0], false)
		}
		e = ast.Unparen(args[w.n])
	}
	return e, conditional, never
}

// wrapperOf returns the wrapper fun refers to.
func wrapperOf(info *scope.Info, fun ast.Expr) (wrapper, bool) {
	var buf [4]string
	name := nameIn(buf[:0], info, fun)
	w, ok := wrappers[name.Last()]
	if !ok || !name.Refers(w.target) {
		return wrapper{}, false
	}
	return w, true
}
