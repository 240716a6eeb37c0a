package nixmatch

import (
	"cmp"
	"go/token"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
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
var callsKey = nixpass.NewMemoKey()

// Calls returns the calls of f in source order, each once (the inner
// applications of (f a) b are not calls of their own). They are found
// once per file for every rule that asks, as rules about builders and
// fetchers each look at every call. Rules should prefer CallsOf, which
// finds them with the Inspector their pass already has. The calls are
// valid as long as f's tree: until f.ReleaseMemo.
func Calls(f *nixpass.File) []Call {
	return f.Memo(callsKey, func() any {
		in := nixpass.NewInspector(f.File)
		defer in.Release()
		return findCalls(f, in)
	}).(*callSet).clipped()
}

// CallsOf returns Calls of the file under analysis, found through the
// pass's nixpass.Inspector (pass's analyzer must require nixpass.Analyzer
// and nixpass.Inspect, as the rules of rules/internal/ruledef do).
func CallsOf(pass *analysis.Pass) []Call {
	f := nixpass.Of(pass)
	return f.Memo(callsKey, func() any {
		return findCalls(f, nixpass.InspectorOf(pass))
	}).(*callSet).clipped()
}

// A callSet is the calls of a file with the memory they are made of,
// which serves the next file once the file's memos are released.
type callSet struct {
	calls []Call
	// names holds the parts of the calls' names, args the arguments of
	// calls written in several pieces.
	names slab[string]
	args  slab[ast.Expr]
}

// clipped returns the calls, clipped so that a rule appending to them
// copies them.
func (cs *callSet) clipped() []Call {
	if len(cs.calls) == 0 {
		return nil
	}
	return slices.Clip(cs.calls)
}

// callSets holds released callSets.
var callSets = sync.Pool{New: func() any { return new(callSet) }}

// Release gives the memory of the calls to the next file. The driver
// calls it through nixpass.File.ReleaseMemo.
func (cs *callSet) Release() {
	clear(cs.calls) // the pool must not keep the file's tree alive
	cs.calls = cs.calls[:0]
	cs.names.reset()
	cs.args.reset()
	callSets.Put(cs)
}

// findCalls returns the calls of f, whose Inspector is in. Calls and
// updates are walked from their own lists, not a merge of both: the
// operands of `//` are marked afterwards.
func findCalls(f *nixpass.File, in *nixpass.Inspector) *callSet {
	cs := callSets.Get().(*callSet)
	out := cs.calls[:0]
	// A walk meets the inner applications of (f a) b right after the
	// outer one: they are recognised without a set of nodes.
	var next *ast.CallExpr // the inner application of the last call met
	in.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		c := n.(*ast.CallExpr)
		if c == next {
			next, _ = ast.Unparen(c.Fun).(*ast.CallExpr)
			return
		}
		next, _ = ast.Unparen(c.Fun).(*ast.CallExpr)
		fun, args := c.Fun, c.Args
		if next != nil {
			fun, args = cs.flatten(c)
		}
		out = append(out, Call{Node: c, Fun: fun, Args: args, Name: cs.nameOf(f.Info, fun)})
	})
	if len(out) > 0 {
		in.Preorder([]ast.Node{(*ast.BinaryExpr)(nil)}, func(n ast.Node) {
			if b := n.(*ast.BinaryExpr); b.Op == ast.OpUpdate {
				markOperand(out, b.X)
				markOperand(out, b.Y)
			}
		})
	}
	cs.calls = out
	return cs
}

// markOperand sets UpdateOperand of the call among calls (in the order
// of a walk, which is that of their positions) that the operand e of
// `//` is, if it is one. It is looked for among the calls at its
// position, then, should a tree with syntax errors be out of order,
// among all.
func markOperand(calls []Call, e ast.Expr) {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return
	}
	pos := c.Pos()
	i, _ := slices.BinarySearchFunc(calls, pos, func(call Call, pos token.Pos) int { return cmp.Compare(call.Node.Pos(), pos) })
	for ; i < len(calls) && calls[i].Node.Pos() == pos; i++ {
		if calls[i].Node == c {
			calls[i].UpdateOperand = true
			return
		}
	}
	if i := slices.IndexFunc(calls, func(call Call) bool { return call.Node == c }); i >= 0 {
		calls[i].UpdateOperand = true
	}
}

// flatten is FlattenCall of the call c written in several pieces, its
// arguments in cs's memory.
func (cs *callSet) flatten(c *ast.CallExpr) (fun ast.Expr, args []ast.Expr) {
	n := 0
	for call := c; call != nil; call, _ = ast.Unparen(call.Fun).(*ast.CallExpr) {
		n += len(call.Args)
		fun = call.Fun
	}
	args = cs.args.alloc(n)
	for call := c; call != nil; call, _ = ast.Unparen(call.Fun).(*ast.CallExpr) {
		n -= copy(args[n-len(call.Args):n], call.Args)
	}
	return fun, args
}

// nameOf resolves the name e denotes (see NameOf) into cs's memory.
func (cs *callSet) nameOf(info *scope.Info, e ast.Expr) Name {
	names, root := appendName(cs.names.tail(), info, e, 0)
	if root == nil {
		return Name{info: info}
	}
	return Name{info, cs.names.keep(names), root}
}
