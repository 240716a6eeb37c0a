package nixmatch

import (
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Call is a function application with nested applications flattened:
// (f a) b is one Call of f with [a b] (see FlattenCall).
type Call struct {
	Node *ast.CallExpr // the outermost application
	Fun  ast.Expr
	Args []ast.Expr
}

// callsKey is the nixpass.File.Memo key of a file's calls.
type callsKey struct{}

// Calls returns the calls of f in source order, each once (the inner
// applications of (f a) b are not calls of their own). They are found
// once per file for every rule that asks, as rules about builders and
// fetchers each look at every call.
func Calls(f *nixpass.File) []Call {
	return f.Memo(callsKey{}, func() any {
		var out []Call
		if f.Expr == nil {
			return out
		}
		var inner map[*ast.CallExpr]bool // the Fun of a call seen: (f a) of (f a) b
		ast.Inspect(f.Expr, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || inner[call] {
				return true
			}
			fun, args := FlattenCall(call)
			out = append(out, Call{Node: call, Fun: fun, Args: args})
			for e := ast.Unparen(call.Fun); ; {
				c, ok := e.(*ast.CallExpr)
				if !ok {
					break
				}
				if inner == nil {
					inner = map[*ast.CallExpr]bool{}
				}
				inner[c] = true
				e = ast.Unparen(c.Fun)
			}
			return true
		})
		return out
	}).([]Call)
}
