package nixpass

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Inspect's result is an *Inspector over the file under analysis. The
// driver runs it once per file for all the rules that require it, so
// rules that use it share one walk of the tree instead of each walking
// it again (as golang.org/x/tools/go/analysis/passes/inspect does for Go).
var Inspect = &analysis.Analyzer{
	Name:       "nixinspect",
	Doc:        "an index of the file's nodes for fast traversal by node type",
	Requires:   []*analysis.Analyzer{Analyzer},
	Run:        func(pass *analysis.Pass) (any, error) { return NewInspector(Of(pass).File), nil },
	ResultType: reflect.TypeFor[*Inspector](),
}

// InspectorOf returns the inspector of the file under analysis in pass,
// whose analyzer must require Inspect.
func InspectorOf(pass *analysis.Pass) *Inspector { return pass.ResultOf[Inspect].(*Inspector) }

// Inspector holds the nodes of a tree in walk order, so that traversals
// restricted to some node types skip the subtrees without them.
type Inspector struct {
	events []event
	// stack is WithStack's stack, kept between calls: every rule that
	// needs ancestors calls WithStack on every file. A call made from
	// within WithStack's f finds it taken and allocates its own.
	stack []ast.Node
}

// event is the entry (push) or exit of a node.
type event struct {
	node ast.Node
	// typ is the type bit of node on a push; on a pop, the type bits of
	// the node's whole subtree, node included.
	typ uint64
	// index is, on a push, the index of the matching pop; on a pop, the
	// index of the matching push.
	index int
}

// eventBuffers holds the event slices of released inspectors: a run
// builds one inspector per file, and reusing their memory spares the
// garbage collector a third of what the rules allocate.
var eventBuffers sync.Pool // of *[]event

// NewInspector walks the tree under root once.
func NewInspector(root ast.Node) *Inspector {
	in := &Inspector{}
	hint := eventsHint(root)
	if buf, ok := eventBuffers.Get().(*[]event); ok && cap(*buf) >= hint {
		in.events = *buf
	} else {
		in.events = make([]event, 0, hint)
	}
	// open are the pushes not yet popped, with the type bits of the part
	// of their subtrees walked so far.
	type open struct {
		push int
		sub  uint64
	}
	stack := make([]open, 0, 64)
	ast.Walk(visitFunc(func(n ast.Node) {
		if n != nil {
			typ := typeOf(n)
			stack = append(stack, open{len(in.events), typ})
			in.events = append(in.events, event{node: n, typ: typ})
			return
		}
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if len(stack) > 0 {
			stack[len(stack)-1].sub |= top.sub
		}
		in.events[top.push].index = len(in.events)
		in.events = append(in.events, event{node: in.events[top.push].node, typ: top.sub, index: top.push})
	}), root)
	return in
}

// Release gives the inspector's memory back for reuse by NewInspector;
// in must not be used afterwards. The driver releases each file's
// inspector once every rule has run on the file (analysis results with a
// Release method are released so), so rules must not keep it.
func (in *Inspector) Release() {
	if in.events == nil {
		return
	}
	clear(in.events) // drop the references to the tree
	buf := in.events[:0]
	in.events, in.stack = nil, nil
	eventBuffers.Put(&buf)
}

// eventsHint guesses the number of events of a file's tree from its
// tokens, so that the events slice is usually allocated once: a tree has
// about 1.2 events per token, whitespace and comments included (1.17
// over home-manager's 3496 files).
func eventsHint(root ast.Node) int {
	if f, ok := root.(*ast.File); ok {
		return len(f.Tokens) + len(f.Tokens)/4 + 2
	}
	return 0
}

// visitFunc calls f on entry to each node and f(nil) on exit.
type visitFunc func(ast.Node)

func (f visitFunc) Visit(n ast.Node) ast.Visitor {
	f(n)
	return f
}

// Preorder calls f for each node whose type is among types (all nodes
// when types is empty), in depth-first source order.
func (in *Inspector) Preorder(types []ast.Node, f func(ast.Node)) {
	mask := maskOf(types)
	for i := 0; i < len(in.events); i++ {
		ev := in.events[i]
		if ev.index < i { // a pop
			continue
		}
		if in.events[ev.index].typ&mask == 0 {
			i = ev.index // nothing of interest in this subtree
			continue
		}
		if ev.typ&mask != 0 {
			f(ev.node)
		}
	}
}

// Nodes is Preorder in which f decides, as with ast.Inspect, whether to
// go into the node's subtree: when f returns false, the nodes under it
// are skipped.
func (in *Inspector) Nodes(types []ast.Node, f func(ast.Node) (proceed bool)) {
	mask := maskOf(types)
	for i := 0; i < len(in.events); i++ {
		ev := in.events[i]
		if ev.index < i { // a pop
			continue
		}
		if in.events[ev.index].typ&mask == 0 || ev.typ&mask != 0 && !f(ev.node) {
			i = ev.index // skip the subtree, pop included
		}
	}
}

// WithStack calls f for each node whose type is among types (all nodes
// when types is empty), in depth-first source order, with the node's
// ancestors, outermost first (the slice is reused: copy it to keep it).
func (in *Inspector) WithStack(types []ast.Node, f func(n ast.Node, stack []ast.Node)) {
	mask := maskOf(types)
	stack := in.stack[:0]
	in.stack = nil
	defer func() { in.stack = stack[:0] }()
	for i := 0; i < len(in.events); i++ {
		ev := in.events[i]
		if ev.index < i { // a pop
			stack = stack[:len(stack)-1]
			continue
		}
		if in.events[ev.index].typ&mask == 0 {
			i = ev.index // skip the subtree, pop included
			continue
		}
		if ev.typ&mask != 0 {
			f(ev.node, stack)
		}
		stack = append(stack, ev.node)
	}
}

func maskOf(types []ast.Node) uint64 {
	if len(types) == 0 {
		return ^uint64(0)
	}
	var mask uint64
	for _, t := range types {
		mask |= typeOf(t)
	}
	return mask
}

// typeOf returns the type bit of n's node type.
func typeOf(n ast.Node) uint64 {
	var i uint
	switch n.(type) {
	case *ast.File:
		i = 0
	case *ast.Ident:
		i = 1
	case *ast.Name:
		i = 2
	case *ast.IntLit:
		i = 3
	case *ast.FloatLit:
		i = 4
	case *ast.StringExpr:
		i = 5
	case *ast.StringText:
		i = 6
	case *ast.Interpolation:
		i = 7
	case *ast.PathExpr:
		i = 8
	case *ast.LookupPathExpr:
		i = 9
	case *ast.URIExpr:
		i = 10
	case *ast.CurPosExpr:
		i = 11
	case *ast.BadExpr:
		i = 12
	case *ast.ParenExpr:
		i = 13
	case *ast.ListExpr:
		i = 14
	case *ast.AttrSetExpr:
		i = 15
	case *ast.LetExpr:
		i = 16
	case *ast.LegacyLetExpr:
		i = 17
	case *ast.AttrPath:
		i = 18
	case *ast.SelectExpr:
		i = 19
	case *ast.HasAttrExpr:
		i = 20
	case *ast.CallExpr:
		i = 21
	case *ast.UnaryExpr:
		i = 22
	case *ast.BinaryExpr:
		i = 23
	case *ast.LambdaExpr:
		i = 24
	case *ast.Formals:
		i = 25
	case *ast.Formal:
		i = 26
	case *ast.WithExpr:
		i = 27
	case *ast.AssertExpr:
		i = 28
	case *ast.IfExpr:
		i = 29
	case *ast.AttrDef:
		i = 30
	case *ast.Inherit:
		i = 31
	default:
		i = 63
	}
	return 1 << i
}
