package scope

import "github.com/nixaudit/nixaudit/nixparse/ast"

// A Binder binds files one after another in the same memory: its
// definitions, attributes, scopes, maps and scratch space are kept from
// one file to the next and emptied, not made again, so that a worker
// binding many files allocates little once it has met its largest file.
// The zero Binder is ready to use.
//
// The Info that Bind returns, and everything reached from it (Defs and
// their Uses, Attrs, AttrSets, the results of its queries that are
// shared slices), is valid only until the next call of Bind on the same
// Binder, which returns the same *Info filled anew. Strings are never
// kept in reused memory: names and messages stay valid. A Binder must not be used by two goroutines at once; the
// Info may be queried concurrently until the next Bind.
type Binder struct {
	info  Info
	b     binder
	attrs attrBuilder
	used  bool
	peaks mapPeaks
}

// Bind resolves the references of f and reports the semantic errors Nix
// reports for it, in memory of its own. It never fails; a file without
// an expression gives an empty Info.
func Bind(f *ast.File) *Info {
	return new(Binder).Bind(f)
}

// Bind is the package's Bind in the Binder's memory: the Info is valid
// until the next call of Bind on b.
func (b *Binder) Bind(f *ast.File) *Info {
	if b.used {
		b.reset(f)
	} else {
		b.prepare(f)
	}
	b.used = true
	bd := &b.b
	b.attrs.tf = f.Tok
	b.info.tf = f.Tok
	bd.root = f.Expr
	if f.Expr != nil {
		bd.expr(f.Expr, nil)
	}
	info := &b.info
	// The builder's errors first: sorting is stable and keeps the
	// binding order among errors raised at the same place.
	info.Errors = append(append(info.Errors, b.attrs.errors...), bd.errs...)
	sortErrors(info.Errors)
	return info
}

// prepare sizes a new Binder's memory for f from its tokens.
func (b *Binder) prepare(f *ast.File) {
	c := countTokens(f.Tokens)
	// In real code about a third of the identifiers are references and
	// a tenth name a let or rec attribute, a formal or an argument.
	n, nDefs := c.ident/3+8, c.ident/10+4
	b.info = Info{Defs: make([]*Def, 0, nDefs)}
	b.info.refs.reset(n)
	b.info.names.reset(nDefs)
	b.info.sets.reset((c.lbrace+c.let)*3/2 + 4) // and sets implied by paths
	b.b = binder{info: &b.info, attrs: &b.attrs}
	// Plain sets (see plainSet) have no attributes until asked: in real
	// code they hold about half the bindings and half the sets.
	b.attrs.attrs.reserve(c.assign/2 + 4)
	b.attrs.sets.reserve((c.lbrace+c.let)/2 + 2)
	b.b.defs.reserve(c.ident / 10)
}

// mapPeaks holds the largest size each of the Info's maps reached since
// it was made: clearing a map costs in proportion to that, so a map that
// a large file made big is dropped rather than cleared for each small
// file after it.
type mapPeaks struct {
	nested, inherits, inherited, bindingOf, plain int
}

// reset empties the memory of the previous file for f.
func (b *Binder) reset(f *ast.File) {
	// None of these maps of f holds more entries than a fourth of its
	// tokens.
	limit := len(f.Tokens)/4 + 64
	info, p := &b.info, &b.peaks
	*info = Info{
		Defs:        info.Defs[:0],
		Errors:      info.Errors[:0],
		refs:        info.refs,
		names:       info.names,
		sets:        info.sets,
		withRefList: info.withRefList[:0],
		nested:      reuseMap(info.nested, &p.nested, limit),
		inherits:    reuseMap(info.inherits, &p.inherits, limit),
		inherited:   reuseMap(info.inherited, &p.inherited, limit),
		bindingOf:   reuseMap(info.bindingOf, &p.bindingOf, limit),
		globals:     info.globals,
		plain:       reuseMap(info.plain, &p.plain, limit),
		scopes:      info.scopes[:0],
	}
	// In real code about one token in ten is a reference, one in forty
	// a definition's name, one in thirty opens a set.
	info.refs.reset(len(f.Tokens) / 8)
	info.names.reset(len(f.Tokens) / 32)
	info.sets.reset(len(f.Tokens) / 24)
	bd := &b.b
	bd.cur = nil
	bd.errs = bd.errs[:0]
	bd.defs.reset()
	bd.envs.reset()
	bd.idents.reset()
	bd.names.reset()
	bd.defBuf.reset()
	bd.withBuf.reset()
	bd.slotBuf.reset()
	for _, i := range bd.usedGlobals {
		info.globals[i] = nil
	}
	bd.usedGlobals = bd.usedGlobals[:0]
	b.attrs.reset()
}

// reuseMap returns m emptied, or nil when it once held more than
// 4×limit entries (then the caller makes a new one if it needs one).
func reuseMap[K comparable, V any](m map[K]V, peak *int, limit int) map[K]V {
	*peak = max(*peak, len(m))
	if m == nil || *peak > 4*limit {
		*peak = 0
		return nil
	}
	clear(m)
	return m
}

// newDef returns a definition of name, of kind kind, made by node in
// the scope owner opens, in slab memory; its other fields are zero but
// for the lists, which a reused definition keeps the capacity of. It is
// filled field by field: assigning a whole Def would build it on the
// stack and copy it with a bulk write barrier.
func (b *binder) newDef(name string, kind DefKind, node ast.Node, owner ast.Expr) *Def {
	d := b.defs.new()
	d.Name, d.Kind, d.Node, d.Owner = name, kind, node, owner
	d.Ident, d.Key, d.Attr, d.Parent = nil, nil, nil, nil
	d.Uses, d.direct, d.children = d.Uses[:0], d.direct[:0], d.children[:0]
	return d
}
