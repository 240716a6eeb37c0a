package nixmatch

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Call is a function application with nested applications flattened:
// (f a) b is one Call of f with [a b] (see FlattenCall).
type Call struct {
	Node *ast.CallExpr // the outermost application
	Fun  ast.Expr
	Args []ast.Expr
	// Name is the name Fun denotes (NameOf), resolved once per file:
	// rules compare every call's function with their tables.
	Name Name
	// UpdateOperand reports whether the call is an operand of `//`
	// (through parentheses): `mkEnableOption "x" // mkOption { … }`.
	UpdateOperand bool
}

// Innermost returns the application of the call's first arguments: f a
// of (f a) b, and Node itself when it is written in one piece.
func (c Call) Innermost() *ast.CallExpr {
	call := c.Node
	for {
		inner, ok := ast.Unparen(call.Fun).(*ast.CallExpr)
		if !ok {
			return call
		}
		call = inner
	}
}

// callsKey is the nixpass.File.Memo key of a file's calls.
type callsKey struct{}

// Calls returns the calls of f in source order, each once (the inner
// applications of (f a) b are not calls of their own). They are found
// once per file for every rule that asks, as rules about builders and
// fetchers each look at every call. Rules should prefer CallsOf, which
// finds them with the Inspector their pass already has.
func Calls(f *nixpass.File) []Call {
	return f.Memo(callsKey{}, func() any {
		in := nixpass.NewInspector(f.File)
		defer in.Release()
		return findCalls(f, in)
	}).([]Call)
}

// CallsOf returns Calls of the file under analysis, found through the
// pass's nixpass.Inspector (pass's analyzer must require nixpass.Analyzer
// and nixpass.Inspect, as the rules of rules/internal/ruledef do).
func CallsOf(pass *analysis.Pass) []Call {
	f := nixpass.Of(pass)
	return f.Memo(callsKey{}, func() any {
		return findCalls(f, nixpass.InspectorOf(pass))
	}).([]Call)
}

// callTypes are the nodes findCalls looks at, callType those it counts.
var (
	callTypes = []ast.Node{(*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil)}
	callType  = []ast.Node{(*ast.CallExpr)(nil)}
)

// findCalls returns the calls of f, whose Inspector is in.
func findCalls(f *nixpass.File, in *nixpass.Inspector) []Call {
	// Counted first, the calls are appended to a slice of their size:
	// walking the file's Inspector twice costs less than growing the
	// slice (or copying it from a buffer), as calls hold pointers.
	n := 0
	in.Preorder(callType, func(ast.Node) { n++ })
	if n == 0 {
		return nil
	}
	out := make([]Call, 0, n)
	// A walk meets the inner applications of (f a) b right after the
	// outer one, and the operands of `//` right after the update: both
	// are recognised without a set of nodes.
	var next *ast.CallExpr       // the inner application of the last call met
	var operands []*ast.CallExpr // calls that are operands of a `//` met, not yet reached
	in.Preorder(callTypes, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == ast.OpUpdate {
				for _, e := range [2]ast.Expr{n.X, n.Y} {
					if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
						operands = append(operands, call)
					}
				}
			}
		case *ast.CallExpr:
			if n == next {
				next, _ = ast.Unparen(n.Fun).(*ast.CallExpr)
				return
			}
			next, _ = ast.Unparen(n.Fun).(*ast.CallExpr)
			operand := false
			if i := slices.Index(operands, n); i >= 0 {
				operands = slices.Delete(operands, i, i+1)
				operand = true
			}
			fun, args := FlattenCall(n)
			out = append(out, Call{Node: n, Fun: fun, Args: args, UpdateOperand: operand})
		}
	})
	names := nameSlab{buf: make([]string, 0, 2*len(out)+4)} // most names have two parts
	for i := range out {
		out[i].Name = names.of(f.Info, out[i].Fun)
	}
	return out
}
