package parser

import "github.com/nixaudit/nixaudit/nixparse/ast"

// chunks hands out runs of zeroed T from a list of chunks, so that a
// file's nodes of one type (or its node lists) cost a few allocations
// instead of one each. Chunks grow geometrically, so small files stay
// small.
//
// A fresh chunks (keep false) forgets its chunks at reset: what it
// handed out belongs to the tree for good. One that keeps its chunks (a
// reusing Parser's) hands them out again after reset, cleared, so that a
// worker parsing many files allocates only when a file needs more than
// any before it.
type chunks[T any] struct {
	keep   bool
	chunks [][]T // every chunk, in the order they are handed out (when fresh: those nextChunk made)
	used   int   // chunks[:used] have been handed out from
	total  int   // when keep: the items of every chunk but those nextChunk made
	cur    []T   // the current chunk
	off    int   // cur[:off] has been handed out
	next   int   // size of the next chunk to allocate
}

// advance moves to the next kept chunk that holds n items, or allocates
// one; least and most bound the size of a new chunk. It is kept out of
// line, so that the fast path that calls it (seq.copyOf) stays short.
//
//go:noinline
func (c *chunks[T]) advance(n, least, most int) {
	for c.used < len(c.chunks) {
		next := c.chunks[c.used]
		c.used++
		if len(next) >= n {
			c.cur, c.off = next, 0
			return
		}
	}
	c.next = min(max(c.next*2, least), most)
	c.add(make([]T, max(n, c.next)))
}

// add makes chunk the current one.
func (c *chunks[T]) add(chunk []T) {
	if c.keep {
		c.chunks = append(c.chunks, chunk)
		c.used = len(c.chunks)
		c.total += len(chunk)
	}
	c.cur, c.off = chunk, 0
}

// reserve makes room for n items in the chunks to come, for a count
// estimated from the tokens, so that a file's items take one chunk; if
// the estimate falls short, the next chunks start small. It is called
// right after reset, before c hands anything out.
func (c *chunks[T]) reserve(n int) {
	if n <= 0 || n <= len(c.cur)-c.off {
		return
	}
	if !c.keep {
		c.cur, c.off = make([]T, n), 0
		return
	}
	if c.total >= n {
		return
	}
	// Count the chunks nextChunk made too.
	c.total = 0
	for _, chunk := range c.chunks {
		c.total += len(chunk)
	}
	if c.total < n {
		// A quarter more than this file needs, so that files slightly
		// larger than any before do not each add a chunk.
		extra := make([]T, n-c.total+n/4)
		c.chunks = append(c.chunks, extra)
		c.total += len(extra)
	}
}

// reset empties c for the next file. When keep, every chunk handed out is
// cleared (so that no node of the last tree survives in it) and handed out
// again; otherwise c starts from nothing. Most files use few of the
// arena's node types: a c that handed nothing out is done inline.
func (c *chunks[T]) reset(keep bool) {
	if keep && c.used == 0 {
		c.keep, c.cur, c.off = true, nil, 0
		return
	}
	c.clear(keep)
}

// clear is reset for a c that handed out items.
func (c *chunks[T]) clear(keep bool) {
	if !keep {
		c.forget()
		return
	}
	for _, chunk := range c.chunks[:c.used-1] {
		clear(chunk)
	}
	clear(c.cur[:c.off]) // the current chunk is the last handed out
	c.keep, c.used, c.cur, c.off = true, 0, nil, 0
}

// rewind is reset without clearing what c handed out.
func (c *chunks[T]) rewind(keep bool) {
	if !keep {
		c.forget()
		return
	}
	c.keep, c.used, c.cur, c.off = true, 0, nil, 0
}

// nextChunk moves c to its next chunk, which it makes (of size<<used
// items, at most 128 times size: a kept list may hold many chunks that
// reserve added) when c has no other; every chunk has room for an item. It
// records the chunks it makes even when c keeps none (forget drops
// them), so that c.used and len(c.chunks) move together, and it calls
// no function, so that slab.new stays within the inlining budget (seq.one,
// which must cut a slice, does not: it is one call, not two).
func (c *chunks[T]) nextChunk(size int) {
	if c.used == len(c.chunks) {
		c.chunks = append(c.chunks, make([]T, size<<min(c.used, 7)))
	}
	c.cur, c.off = c.chunks[c.used], 0
	c.used++
}

// forget empties a fresh c: what it handed out belongs to the tree. The
// array of its chunk list is kept (emptied), for nextChunk's records.
func (c *chunks[T]) forget() {
	clear(c.chunks)
	*c = chunks[T]{chunks: c.chunks[:0]}
}

// slab hands out single nodes.
type slab[T any] struct{ chunks[T] }

// new returns a zeroed node. Handing out only moves an index: no slice
// header is written back. It calls no function, not even to move to the
// next chunk (which it records in s.chunks, even when s keeps none: a
// fresh chunks forgets them all at reset), so that it stays within the
// compiler's inlining budget: nodes are the parser's most frequent
// allocation.
func (s *slab[T]) new() *T {
	if s.off == len(s.cur) {
		s.nextChunk(8)
	}
	x := &s.cur[s.off]
	s.off++
	return x
}

// wholeSlab is a slab of nodes that the parser writes whole as it hands
// them out (*n = ast.Name{…}), so that its kept chunks need no clearing
// between files: what is left of the last file refers only to its
// source and to the arena's own nodes. It holds the nodes of the types
// with at most four fields, which such an assignment writes field by
// field (a larger node would be cleared first, one at a time). Every
// call of new of a wholeSlab is followed by such an assignment
// (TestWholeSlabsWrittenWhole).
type wholeSlab[T any] struct{ slab[T] }

func (s *wholeSlab[T]) reset(keep bool) { s.rewind(keep) }

// seq hands out the exact-length slices of nodes (call arguments, list
// elements, bindings, string parts, attribute keys).
type seq[T any] struct{ chunks[T] }

// reset empties s for the next file. Unlike a slab's, a seq's chunks
// are not cleared when kept: copyOf and one write every item they hand
// out, and an item left from the last file refers only to nodes in the
// same arena's chunks, which are kept anyway.
func (s *seq[T]) reset(keep bool) { s.rewind(keep) }

// copyOf returns a copy of items carved from the current chunk.
func (s *seq[T]) copyOf(items []T) []T {
	n := len(items)
	if n == 0 {
		return nil
	}
	if n > len(s.cur)-s.off {
		s.advance(n, 16, 4096)
	}
	out := s.cur[s.off : s.off+n : s.off+n]
	s.off += n
	// Most lists (attribute paths above all) have one or two items:
	// assignments beat the call to the runtime's typed copy.
	switch len(items) {
	case 1:
		out[0] = items[0]
	case 2:
		out[0], out[1] = items[0], items[1]
	default:
		copy(out, items)
	}
	return out
}

// one returns a slice of the one item x carved from the current chunk:
// copyOf of one item without the item's trip through a scratch stack.
func (s *seq[T]) one(x T) []T {
	if s.off == len(s.cur) {
		s.nextChunk(16)
	}
	out := s.cur[s.off : s.off+1 : s.off+1]
	s.off++
	out[0] = x
	return out
}

// stack is a scratch stack for collecting a node's items before copying
// them into a seq; nested collections share it, each from its own base.
type stack[T any] struct {
	items []T
	peak  int // the most items held since the last empty
}

func (s *stack[T]) base() int { return len(s.items) }

func (s *stack[T]) push(x T) { s.items = append(s.items, x) }

// pop returns the items pushed since base, as an exact-length slice from
// out, and drops them from the stack (the parser clears its stacks once
// per file, not here).
func (s *stack[T]) pop(base int, out *seq[T]) []T {
	s.peak = max(s.peak, len(s.items))
	items := out.copyOf(s.items[base:])
	s.items = s.items[:base]
	return items
}

// empty empties s and, unless keep, clears what it held, so that its
// array keeps no node alive: every item was popped, so none lies beyond
// peak. A reusing parser keeps its arena's nodes anyway.
func (s *stack[T]) empty(keep bool) {
	if !keep {
		clear(s.items[:s.peak])
	}
	s.items, s.peak = s.items[:0], 0
}

// arena holds one slab per node type and one seq per type of node list.
type arena struct {
	ident   wholeSlab[ast.Ident]
	name    wholeSlab[ast.Name]
	intLit  wholeSlab[ast.IntLit]
	float   wholeSlab[ast.FloatLit]
	str     wholeSlab[ast.StringExpr]
	text    wholeSlab[ast.StringText]
	interp  wholeSlab[ast.Interpolation]
	path    wholeSlab[ast.PathExpr]
	lookup  wholeSlab[ast.LookupPathExpr]
	uri     wholeSlab[ast.URIExpr]
	curPos  wholeSlab[ast.CurPosExpr]
	bad     wholeSlab[ast.BadExpr]
	paren   wholeSlab[ast.ParenExpr]
	list    wholeSlab[ast.ListExpr]
	set     wholeSlab[ast.AttrSetExpr]
	let     wholeSlab[ast.LetExpr]
	legacy  wholeSlab[ast.LegacyLetExpr]
	attrs   wholeSlab[ast.AttrPath]
	sel     slab[ast.SelectExpr]
	hasAttr wholeSlab[ast.HasAttrExpr]
	call    wholeSlab[ast.CallExpr]
	unary   wholeSlab[ast.UnaryExpr]
	binary  wholeSlab[ast.BinaryExpr]
	lambda  slab[ast.LambdaExpr]
	formals wholeSlab[ast.Formals]
	formal  wholeSlab[ast.Formal]
	with    wholeSlab[ast.WithExpr]
	assert  wholeSlab[ast.AssertExpr]
	ifExpr  slab[ast.IfExpr]
	attrDef wholeSlab[ast.AttrDef]
	inherit slab[ast.Inherit]
	comment wholeSlab[ast.Comment]

	exprs       seq[ast.Expr]
	bindings    seq[ast.Binding]
	keys        seq[ast.AttrKey]
	parts       seq[ast.StringPart]
	formalList  seq[*ast.Formal]
	commentList seq[*ast.Comment]
}

// reset empties every slab and seq for the next file, keeping their
// chunks for reuse when keep.
func (a *arena) reset(keep bool) {
	a.ident.reset(keep)
	a.name.reset(keep)
	a.intLit.reset(keep)
	a.float.reset(keep)
	a.str.reset(keep)
	a.text.reset(keep)
	a.interp.reset(keep)
	a.path.reset(keep)
	a.lookup.reset(keep)
	a.uri.reset(keep)
	a.curPos.reset(keep)
	a.bad.reset(keep)
	a.paren.reset(keep)
	a.list.reset(keep)
	a.set.reset(keep)
	a.let.reset(keep)
	a.legacy.reset(keep)
	a.attrs.reset(keep)
	a.sel.reset(keep)
	a.hasAttr.reset(keep)
	a.call.reset(keep)
	a.unary.reset(keep)
	a.binary.reset(keep)
	a.lambda.reset(keep)
	a.formals.reset(keep)
	a.formal.reset(keep)
	a.with.reset(keep)
	a.assert.reset(keep)
	a.ifExpr.reset(keep)
	a.attrDef.reset(keep)
	a.inherit.reset(keep)
	a.comment.reset(keep)
	a.exprs.reset(keep)
	a.bindings.reset(keep)
	a.keys.reset(keep)
	a.parts.reset(keep)
	a.formalList.reset(keep)
	a.commentList.reset(keep)
}

// reserveFor sizes the kept chunks of a reusing arena for a file of n
// tokens, for the node types that are many in every file, at about the
// share of the tokens they have in real code (home-manager), so that the
// chunks made for the first large files serve the rest; a file that
// needs more gets more chunks. Counting the tokens of each kind, as
// reserve's other caller does to size a tree's memory exactly, would
// cost more than it saves once the chunks are made.
func (a *arena) reserveFor(n int) {
	a.ident.reserve(n / 16)
	a.name.reserve(n / 8)
	a.str.reserve(n / 25)
	a.text.reserve(n / 20)
	a.interp.reserve(n / 100)
	a.attrDef.reserve(n / 14)
	a.attrs.reserve(n / 14)
	a.lambda.reserve(n / 100)
	a.set.reserve(n / 30)
	a.sel.reserve(n / 30)
	a.bindings.reserve(n / 14)
	a.keys.reserve(n / 8)
}

// reserve sizes the slabs and seqs of the node types whose count the
// tokens tell: exactly (one StringExpr per opening quote, one AttrDef per
// =, one LambdaExpr per :, one list per [), at most (one set per {, one
// binding per = or inherit, one attribute key per = or . or ?, but for
// inherited names) or about (a third of the identifiers are references,
// the rest names; half the dots are selects), so that a file's nodes of
// these types take one chunk.
func (a *arena) reserve(n *[ast.OPERATOR + 1]int) {
	a.ident.reserve(n[ast.IDENT] / 3)
	a.name.reserve(n[ast.IDENT] * 2 / 3)
	a.str.reserve(n[ast.STRING_OPEN] + n[ast.IND_OPEN])
	a.text.reserve(n[ast.STRING_TEXT])
	a.interp.reserve(n[ast.INTERP_OPEN])
	a.attrDef.reserve(n[ast.ASSIGN])
	a.attrs.reserve(n[ast.ASSIGN])
	a.lambda.reserve(n[ast.COLON])
	a.let.reserve(n[ast.KEYWORD_LET])
	a.with.reserve(n[ast.KEYWORD_WITH])
	a.ifExpr.reserve(n[ast.KEYWORD_IF])
	a.inherit.reserve(n[ast.KEYWORD_INHERIT])
	a.comment.reserve(n[ast.COMMENT])
	a.commentList.reserve(n[ast.COMMENT])
	a.list.reserve(n[ast.LBRACK])
	a.paren.reserve(n[ast.LPAREN])
	a.set.reserve(n[ast.LBRACE])
	a.sel.reserve(n[ast.DOT] / 2)
	a.bindings.reserve(n[ast.ASSIGN] + n[ast.KEYWORD_INHERIT])
	a.keys.reserve(n[ast.ASSIGN] + n[ast.DOT] + n[ast.QUESTION])
}
