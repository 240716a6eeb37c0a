package parser

import "github.com/nixaudit/nixaudit/nixparse/ast"

// slab hands out *T from chunks, so a file's nodes of one type cost a few
// allocations instead of one each. Chunks grow geometrically, so small
// files stay small.
type slab[T any] struct {
	free []T
	next int // size of the next chunk
}

func (s *slab[T]) new() *T {
	if len(s.free) == 0 {
		s.next = min(max(s.next*2, 8), 1024)
		s.free = make([]T, s.next)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

// reserve makes the first chunk hold n values, for a count estimated from
// the tokens; if the estimate falls short, the next chunks start small.
func (s *slab[T]) reserve(n int) {
	if n > 0 {
		s.free = make([]T, n)
	}
}

// arena holds one slab per node type.
type arena struct {
	ident   slab[ast.Ident]
	name    slab[ast.Name]
	intLit  slab[ast.IntLit]
	float   slab[ast.FloatLit]
	str     slab[ast.StringExpr]
	text    slab[ast.StringText]
	interp  slab[ast.Interpolation]
	path    slab[ast.PathExpr]
	lookup  slab[ast.LookupPathExpr]
	uri     slab[ast.URIExpr]
	curPos  slab[ast.CurPosExpr]
	bad     slab[ast.BadExpr]
	paren   slab[ast.ParenExpr]
	list    slab[ast.ListExpr]
	set     slab[ast.AttrSetExpr]
	let     slab[ast.LetExpr]
	legacy  slab[ast.LegacyLetExpr]
	attrs   slab[ast.AttrPath]
	sel     slab[ast.SelectExpr]
	hasAttr slab[ast.HasAttrExpr]
	call    slab[ast.CallExpr]
	unary   slab[ast.UnaryExpr]
	binary  slab[ast.BinaryExpr]
	lambda  slab[ast.LambdaExpr]
	formals slab[ast.Formals]
	formal  slab[ast.Formal]
	with    slab[ast.WithExpr]
	assert  slab[ast.AssertExpr]
	ifExpr  slab[ast.IfExpr]
	attrDef slab[ast.AttrDef]
	inherit slab[ast.Inherit]
}

// seq hands out the exact-length slices of nodes (call arguments, list
// elements, bindings, string parts, attribute keys) from shared chunks.
// The slices are capped at their length, so appending to one copies it
// rather than overwriting a neighbour.
type seq[T any] struct {
	free []T
	next int
}

// copyOf returns a copy of items carved from the current chunk.
func (s *seq[T]) copyOf(items []T) []T {
	n := len(items)
	if n == 0 {
		return nil
	}
	if n > len(s.free) {
		s.next = min(max(s.next*2, 16), 4096)
		s.free = make([]T, max(n, s.next))
	}
	out := s.free[:n:n]
	copy(out, items)
	s.free = s.free[n:]
	return out
}

// stack is a scratch stack for collecting a node's items before copying
// them into a seq; nested collections share it, each from its own base.
type stack[T any] struct {
	items []T
	seq   seq[T]
}

func (s *stack[T]) base() int { return len(s.items) }

func (s *stack[T]) push(x T) { s.items = append(s.items, x) }

// pop returns the items pushed since base, as an exact-length slice, and
// drops them from the stack.
func (s *stack[T]) pop(base int) []T {
	out := s.seq.copyOf(s.items[base:])
	clear(s.items[base:])
	s.items = s.items[:base]
	return out
}

// reserve sizes the slabs of the node types whose count the tokens tell:
// exactly (one StringExpr per opening quote, one AttrDef per =, one
// LambdaExpr per :) or about (a third of the identifiers are references,
// the rest names), so that a file's nodes of these types take one chunk.
func (a *arena) reserve(toks []ast.Token) {
	var n [ast.OPERATOR + 1]int
	for _, t := range toks {
		n[t.Kind]++
	}
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
}
