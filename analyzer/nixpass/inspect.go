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
	// byType holds the indices in nodes of the nodes of each type, in
	// walk order: a traversal for a few types visits those only. Those
	// of types not listed are made by list, at the first traversal
	// that asks for them (made).
	byType [64][]int32
	made   uint64
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
	in.add(root)
	return in
}

// Release gives the inspector's memory back for reuse by NewInspector;
// in must not be used afterwards. The driver releases each file's
// inspector once every rule has run on the file (analysis results with a
// Release method are released so), so rules must not keep it.
func (in *Inspector) Release() {
	if in.released {
		return
	}
	// Empty the lists of the types the tree has (those of its root's
	// subtree), then drop the references to the tree.
	if len(in.nodes) > 0 {
		for m := in.nodes[0].sub; m != 0; m &= m - 1 {
			t := bits.TrailingZeros64(m)
			in.byType[t] = in.byType[t][:0]
		}
	}
	in.made = 0
	clear(in.nodes)
	clear(in.stack[:cap(in.stack)])
	in.nodes, in.stack, in.ends = in.nodes[:0], in.stack[:0], in.ends[:0]
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

// Preorder calls f for each node whose type is among types (all nodes
// when types is empty), in depth-first source order.
func (in *Inspector) Preorder(types []ast.Node, f func(ast.Node)) {
	if len(types) == 1 { // one type, the most common call: its list
		t := typeIndex(types[0])
		if (listed|in.made)&(1<<t) == 0 {
			in.makeList(int(t))
		}
		// The nodes are loaded once, not after each call of f, which
		// could change in.nodes for all the compiler knows.
		nodes := in.nodes
		for _, i := range in.byType[t] {
			f(nodes[i].node)
		}
		return
	}
	mask := maskOf(types)
	in.merge(mask, func(n ast.Node) bool {
		f(n)
		return true
	})
}

// list returns the indices of the nodes of type t, making the list
// first for a type not listed while the index was built. Traversals
// are not safe for concurrent use (WithStack's stack is the index's
// too).
func (in *Inspector) list(t int) []int32 {
	if (listed|in.made)&(1<<t) == 0 {
		in.makeList(t)
	}
	return in.byType[t]
}

// makeList makes the list of the nodes of type t from the index.
func (in *Inspector) makeList(t int) {
	bit := uint64(1) << t
	in.made |= bit
	l := in.byType[t][:0]
	if len(in.nodes) > 0 && in.nodes[0].sub&bit != 0 {
		for i := range in.nodes {
			if in.nodes[i].typ == uint8(t) {
				l = append(l, int32(i))
			}
		}
	}
	in.byType[t] = l
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
			lists[k] = in.list(bits.TrailingZeros64(m))
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
	// Given back on return only, without a deferred call: were f to
	// panic, the next call would find none and allocate its own.
	in.stack, in.ends = stack[:0], ends[:0]
}
