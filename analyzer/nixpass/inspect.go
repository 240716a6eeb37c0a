package nixpass

import (
	"math/bits"
	"reflect"
	"slices"
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
	nodes []entry
	// byType holds the indices in nodes of the nodes of each type, type
	// after type (those of type t are byType[typeStart[t]:typeStart[t+1]]):
	// a traversal for a few types visits those only.
	byType    []int32
	typeStart [65]int32
	// stack is WithStack's stack, kept between calls: every rule that
	// needs ancestors calls WithStack on every file. A call made from
	// within WithStack's f finds it taken and allocates its own.
	stack []ast.Node
	// ends holds, during WithStack, the end index of each node on stack.
	ends []int32
	// released is set by Release until NewInspector hands the memory out
	// again, so that a second Release does not pool it twice.
	released bool
}

// entry is one node in depth-first order, with what a traversal needs to
// skip its subtree: one entry per node rather than a push and a pop
// halves the index's memory and the steps of every traversal.
type entry struct {
	node ast.Node
	// sub holds the type bits of the node's whole subtree, node included.
	sub uint64
	// end is the index of the first entry after the node's subtree.
	end int32
	// typ is the index of the node's own type bit.
	typ uint8
}

// released holds released inspectors: a run builds one inspector per
// file, and reusing their memory spares the garbage collector a third of
// what the rules allocate.
var released sync.Pool // of *Inspector

// NewInspector walks the tree under root once.
func NewInspector(root ast.Node) *Inspector {
	in, ok := released.Get().(*Inspector)
	if !ok {
		in = &Inspector{}
	}
	in.released = false
	if hint := nodesHint(root); cap(in.nodes) < hint {
		in.nodes = make([]entry, 0, hint)
	}
	b := indexer{in: in, open: in.ends[:0]} // ends is free until WithStack
	ast.Walk(&b, root)
	in.ends = b.open[:0]
	in.sortByType()
	return in
}

// sortByType fills byType from the counts of each type in typeStart[t+1]
// (a counting sort: indices stay in walk order within each type).
func (in *Inspector) sortByType() {
	for t := 1; t < len(in.typeStart); t++ {
		in.typeStart[t] += in.typeStart[t-1]
	}
	if cap(in.byType) < len(in.nodes) {
		in.byType = make([]int32, len(in.nodes))
	}
	in.byType = in.byType[:len(in.nodes)]
	next := in.typeStart
	for i := range in.nodes {
		t := in.nodes[i].typ
		in.byType[next[t]] = int32(i)
		next[t]++
	}
}

// Release gives the inspector's memory back for reuse by NewInspector;
// in must not be used afterwards. The driver releases each file's
// inspector once every rule has run on the file (analysis results with a
// Release method are released so), so rules must not keep it.
func (in *Inspector) Release() {
	if in.released {
		return
	}
	// Drop the references to the tree.
	clear(in.nodes)
	clear(in.stack[:cap(in.stack)])
	in.nodes, in.stack, in.ends, in.byType = in.nodes[:0], in.stack[:0], in.ends[:0], in.byType[:0]
	in.typeStart = [len(in.typeStart)]int32{}
	in.released = true
	released.Put(in)
}

// nodesHint guesses the number of nodes of a file's tree from its
// tokens, so that the slice is usually allocated once: a tree has about
// 0.6 nodes per token, whitespace and comments included (0.59 over
// home-manager's 3496 files, 0.55 over nixpkgs' lib).
func nodesHint(root ast.Node) int {
	if f, ok := root.(*ast.File); ok {
		return len(f.Tokens)*2/3 + 2
	}
	return 0
}

// indexer is the visitor that fills an Inspector's nodes: a method
// rather than a closure spares an indirect call per node and exit.
type indexer struct {
	in *Inspector
	// open are the indices of the nodes whose subtrees are being walked.
	open []int32
}

func (b *indexer) Visit(n ast.Node) ast.Visitor {
	in := b.in
	if n != nil {
		typ := typeIndex(n)
		i := int32(len(in.nodes))
		in.typeStart[typ+1]++
		if leafTypes&(1<<typ) != 0 {
			// Done at once: returning nil spares the walk's exit call,
			// for half the nodes of a tree.
			in.nodes = append(in.nodes, entry{node: n, sub: 1 << typ, typ: typ, end: i + 1})
			if len(b.open) > 0 {
				in.nodes[b.open[len(b.open)-1]].sub |= 1 << typ
			}
			return nil
		}
		b.open = append(b.open, i)
		in.nodes = append(in.nodes, entry{node: n, sub: 1 << typ, typ: typ})
		return b
	}
	top := b.open[len(b.open)-1]
	b.open = b.open[:len(b.open)-1]
	e := &in.nodes[top]
	e.end = int32(len(in.nodes))
	if len(b.open) > 0 {
		in.nodes[b.open[len(b.open)-1]].sub |= e.sub
	}
	return nil
}

// Preorder calls f for each node whose type is among types (all nodes
// when types is empty), in depth-first source order.
func (in *Inspector) Preorder(types []ast.Node, f func(ast.Node)) {
	mask := maskOf(types)
	if mask&(mask-1) == 0 { // one type, the most common call: its list
		t := bits.TrailingZeros64(mask)
		for _, i := range in.byType[in.typeStart[t]:in.typeStart[t+1]] {
			f(in.nodes[i].node)
		}
		return
	}
	in.merge(mask, func(n ast.Node) bool {
		f(n)
		return true
	})
}

// Nodes is Preorder in which f decides, as with ast.Inspect, whether to
// go into the node's subtree: when f returns false, the nodes under it
// are skipped.
func (in *Inspector) Nodes(types []ast.Node, f func(ast.Node) (proceed bool)) {
	in.merge(maskOf(types), f)
}

// merge is Nodes for the types of mask.
func (in *Inspector) merge(mask uint64, f func(ast.Node) (proceed bool)) {
	var lists [maxMerged][]int32
	k := 0
	for m := mask; m != 0 && k <= maxMerged; m &= m - 1 {
		if k < maxMerged {
			t := bits.TrailingZeros64(m)
			lists[k] = in.byType[in.typeStart[t]:in.typeStart[t+1]]
		}
		k++
	}
	if k > maxMerged {
		in.scan(mask, f)
		return
	}
	// Merge the lists of the wanted types in index order (depth-first
	// order), leaving out the subtrees f declined.
	for {
		best := -1
		for j := range k {
			if len(lists[j]) > 0 && (best < 0 || lists[j][0] < lists[best][0]) {
				best = j
			}
		}
		if best < 0 {
			return
		}
		i := lists[best][0]
		lists[best] = lists[best][1:]
		if !f(in.nodes[i].node) {
			for j := range k {
				lists[j] = from(lists[j], in.nodes[i].end)
			}
		}
	}
}

// from returns the part of the ascending list from its first index at
// or after end: a galloping search, as a declined subtree is often small
// but may hold most of a list.
func from(list []int32, end int32) []int32 {
	if len(list) == 0 || list[0] >= end {
		return list
	}
	hi := 1
	for hi < len(list) && list[hi] < end {
		hi *= 2
	}
	i, _ := slices.BinarySearch(list[hi/2:min(hi, len(list))], end)
	return list[hi/2+i:]
}

// maxMerged is the most node types whose lists Nodes merges; for more,
// it scans the whole index, skipping subtrees without any of them.
const maxMerged = 6

// scan is Nodes over the whole index.
func (in *Inspector) scan(mask uint64, f func(ast.Node) (proceed bool)) {
	nodes := in.nodes
	for i := 0; i < len(nodes); {
		e := &nodes[i]
		if e.sub&mask == 0 || 1<<e.typ&mask != 0 && !f(e.node) {
			i = int(e.end) // skip the subtree
			continue
		}
		i++
	}
}

// WithStack calls f for each node whose type is among types (all nodes
// when types is empty), in depth-first source order, with the node's
// ancestors, outermost first (the slice is reused: copy it to keep it).
func (in *Inspector) WithStack(types []ast.Node, f func(n ast.Node, stack []ast.Node)) {
	mask := maskOf(types)
	stack, ends := in.stack[:0], in.ends[:0]
	in.stack, in.ends = nil, nil
	defer func() { in.stack, in.ends = stack[:0], ends[:0] }()
	nodes := in.nodes
	for i := 0; i < len(nodes); {
		for len(ends) > 0 && int(ends[len(ends)-1]) <= i {
			stack, ends = stack[:len(stack)-1], ends[:len(ends)-1]
		}
		e := &nodes[i]
		if e.sub&mask == 0 {
			i = int(e.end) // nothing of interest in this subtree
			continue
		}
		if 1<<e.typ&mask != 0 {
			f(e.node, stack)
		}
		stack, ends = append(stack, e.node), append(ends, e.end)
		i++
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
func typeOf(n ast.Node) uint64 { return 1 << typeIndex(n) }

// leafTypes are the bits of the node types without children.
const leafTypes = 1<<1 | 1<<2 | 1<<3 | 1<<4 | 1<<6 | 1<<9 | 1<<10 | 1<<11 | 1<<12

// typeIndex returns the index of n's node type's bit.
func typeIndex(n ast.Node) uint8 {
	var i uint8
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
	return i
}
