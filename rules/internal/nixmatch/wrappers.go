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
var wrappers = NewNameTable(map[string]wrapper{
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
})

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
	var buf [4]string
	u, _, _ := unwrapInto(buf[:0], info, e)
	return u.value, u.conditional, u.never
}

// unwrapped is what unwrapInto finds.
type unwrapped struct {
	value              ast.Expr
	conditional, never bool
	// call reports whether value is a call (with args), whose function's
	// name unwrapInto returns: it is resolved once, for the wrappers and
	// the caller's own tables.
	call bool
	args []ast.Expr
}

// unwrapInto is unwrap, resolving names into buf; when value is a call,
// names and root are its function's name (see nameIn).
func unwrapInto(buf []string, info *scope.Info, e ast.Expr) (u unwrapped, names []string, root *ast.Ident) {
	u.value = ast.Unparen(e)
	for i := 0; ; i++ {
		fun, args := FlattenCall(u.value)
		if fun == nil {
			return u, nil, nil
		}
		names, root = nameIn(buf[:0], info, fun)
		u.call, u.args = true, args
		w, ok := wrappers.Get(last(names))
		if i == maxDepth || !ok || len(args) != w.n+1 || !refers(info, names, root, w.target) {
			return u, names, root
		}
		if w.target == "lib.mkIf" {
			u.conditional = true
			u.never = u.never || IsBool(info, args[0], false)
		}
		u.value = ast.Unparen(args[w.n])
		u.call, u.args = false, nil
	}
}
