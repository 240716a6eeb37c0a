package scope

import (
	"fmt"
	"go/token"
	"sort"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// env is one static scope of the binder, as Nix's StaticEnv: the names a
// let, rec set or lambda binds, or a `with` (which binds no name
// statically).
type env struct {
	up   *env
	with *ast.WithExpr
	// For a with: skip is the nearest enclosing scope that is not a with
	// (static lookups jump there), and withs is the with and the
	// enclosing withs, innermost first, made when a reference first
	// needs it, then shared.
	skip  *env
	withs []*ast.WithExpr
	// inWith is the nearest with env at or above this one, or nil.
	inWith *env
	depth  int       // for a with: how many withs enclose its body, itself included
	defs   []*Def    // searched linearly in small scopes
	index  nameIndex // of defs, in large scopes
	names  uint64    // the union of the nameBits of defs' names
}

// nameBit is a bit of 64 picked by a name's length and ends: a lookup
// passes the scopes whose names have none of its name's bit without
// comparing a name (most references name a variable of an outer scope,
// or none of the file's).
func nameBit(name string) uint64 {
	h := uint(len(name))
	if h > 0 {
		h = h*31 + uint(name[0])*7 + uint(name[len(name)-1])
	}
	return 1 << (h & 63)
}

// withList returns the withs of the with env e, innermost first: e.withs,
// cut from the binder's buffer on first use and then shared by every
// reference under e.
func (b *binder) withList(e *env) []*ast.WithExpr {
	if e.withs == nil {
		e.withs = appendWiths(b.withBuf.cut(e.depth)[:0], e)
	}
	return e.withs
}

// appendWiths appends the withs of e and its enclosing scopes, innermost
// first.
func appendWiths(withs []*ast.WithExpr, e *env) []*ast.WithExpr {
	for s := e; s != nil; s = s.up {
		if s.with != nil {
			withs = append(withs, s.with)
		}
	}
	return withs
}

// innermostWith returns the with env nearest e, or nil.
func (e *env) innermostWith() *env {
	if e == nil {
		return nil
	}
	return e.inWith
}

// smallEnv is the size up to which a linear search beats a map.
const smallEnv = 8

func (b *binder) newEnv(up *env, defs []*Def) *env {
	e := b.envs.new()
	*e = env{up: up, defs: defs, inWith: up.innermostWith()}
	for _, d := range defs {
		e.names |= nameBit(d.Name)
	}
	if len(defs) > smallEnv {
		e.index.init(b.slotBuf.cut(slotsFor(len(defs))))
		for i, d := range defs {
			e.index.add(d.Name, i)
		}
	}
	return e
}

func (e *env) find(name string) *Def {
	if e.index.slots != nil {
		if i := e.index.find(name); i >= 0 {
			return e.defs[i]
		}
		return nil
	}
	for _, d := range e.defs {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// scopeRange is the node over whose source range an env applies. The
// range is found when LookupAt asks, which is rare: the end of a node
// costs a walk down its last children.
type scopeRange struct {
	node ast.Node
	env  *env
}

// binder walks a file once, resolving references scope by scope.
type binder struct {
	info  *Info
	root  ast.Expr // the file's expression
	attrs *attrBuilder
	cur   *Def    // innermost let/rec definition whose value is being bound
	errs  []Error // errors found while binding (the builder has its own)

	defs    slab[Def]
	envs    slab[env]
	idents  slab[ast.Ident] // references made by inherit
	names   slab[ast.Name]  // inherited names given by a string key
	defBuf  buffer[*Def]    // backing of the scopes' definition lists
	withBuf buffer[*ast.WithExpr]
	slotBuf buffer[nameSlot] // backing of the indexes of large scopes
	spine   []*ast.BinaryExpr
	// usedGlobals lists the indexes of info.globals set for this file,
	// which reset empties: a file uses a few of the globals.
	usedGlobals []int
	scratch     []string // names of the set isPlain looks at
}

// tokenCounts counts the tokens of a file that size the binder's
// allocations up front: one attribute per binding's =, about one set per
// { or let, references and definitions in proportion to identifiers.
type tokenCounts struct{ ident, assign, lbrace, let int }

func countTokens(toks []ast.Token) tokenCounts {
	var c tokenCounts
	for _, t := range toks {
		switch t.Kind {
		case ast.IDENT:
			c.ident++
		case ast.ASSIGN:
			c.assign++
		case ast.LBRACE:
			c.lbrace++
		case ast.KEYWORD_LET:
			c.let++
		}
	}
	return c
}

// sortErrors orders errors as Nix finds them: parse-time errors by the
// point where Nix raises them, then binding errors in binding order.
func sortErrors(errs []Error) {
	if len(errs) < 2 { // most files: spare sort's reflection
		return
	}
	sort.SliceStable(errs, func(i, j int) bool { return raisedBefore(errs[i].Raised, errs[j].Raised) })
}

func (b *binder) errorf(kind ErrorKind, pos, end, raised token.Pos, format string, args ...any) {
	b.errs = append(b.errs, Error{Kind: kind, Pos: pos, End: end, Raised: raised, Msg: fmt.Sprintf(format, args...)})
}

// withEnv returns the scope of a with's body.
func (b *binder) withEnv(up *env, w *ast.WithExpr) *env {
	e := b.envs.new()
	*e = env{up: up, with: w, skip: up}
	e.inWith = e
	e.depth = 1
	if outer := up.innermostWith(); outer != nil {
		e.depth += outer.depth
	}
	if up != nil && up.with != nil {
		e.skip = up.skip
	}
	if outer := up.innermostWith(); outer != nil {
		if b.info.nested == nil {
			b.info.nested = map[*ast.WithExpr][]*ast.WithExpr{}
		}
		b.info.nested[outer.with] = append(b.info.nested[outer.with], w)
	}
	return e
}

// binary binds an operator chain without recursing along it, so that
// chains of a million operands (left-associative like a + b + c, or
// right-associative like a ++ b ++ c) need no deep stack: the left spine
// is walked in a loop and the right operand of the outermost operator is
// the loop's next iteration.
func (b *binder) binary(x *ast.BinaryExpr, e *env) {
	// b.spine is a stack shared with the chains nested in operands: this
	// chain's spine lies above base, nested ones push above it and pop
	// back.
	base := len(b.spine)
	for {
		b.spine = append(b.spine[:base], x)
		for l, ok := x.X.(*ast.BinaryExpr); ok; l, ok = l.X.(*ast.BinaryExpr) {
			b.spine = append(b.spine, l)
		}
		top := len(b.spine) - 1
		b.expr(b.spine[top].X, e)
		for i := top; i > base; i-- {
			b.expr(b.spine[i].Y, e)
		}
		b.spine = b.spine[:base]
		next, ok := x.Y.(*ast.BinaryExpr)
		if !ok {
			b.expr(x.Y, e)
			return
		}
		x = next
	}
}

// scope records that e applies within n and returns e.
func (b *binder) scope(n ast.Node, e *env) *env {
	b.info.scopes = append(b.info.scopes, scopeRange{n, e})
	return e
}

// lookup resolves name in e: its static definition, else (global >= 0)
// a global, by its globalIndex, else the innermost with env (whose withs
// may supply it).
func lookup(name string, e *env) (d *Def, global int, with *env) {
	var firstWith *env
	bit := nameBit(name)
	for s := e; s != nil; {
		if s.with != nil {
			if firstWith == nil {
				firstWith = s
			}
			s = s.skip
			continue
		}
		if s.names&bit != 0 {
			if d := s.find(name); d != nil {
				return d, -1, nil
			}
		}
		s = s.up
	}
	if global = globalOf(name, bit); global >= 0 {
		return nil, global, nil
	}
	return nil, -1, firstWith
}

// ref resolves the reference id in e.
func (b *binder) ref(id *ast.Ident, e *env) {
	if b.cur != nil {
		b.cur.direct = append(b.cur.direct, id)
	}
	d, global, with := lookup(id.Name, e)
	if global >= 0 {
		d = b.globalDef(global, id.Name)
	}
	if d != nil {
		b.use(id, d)
		return
	}
	if with == nil {
		b.errorf(UndefinedVariable, id.Pos(), id.End(), token.NoPos, "undefined variable '%s'", id.Name)
		return
	}
	withs := b.withList(with) // kept in with for WithsOf
	b.info.refs.put(id, id.NamePos, refTarget{with: with})
	b.info.withRefList = append(b.info.withRefList, withRef{withs[0], id})
}

// globalDef returns the file's definition of the global of globalIndex
// i, named name, made on its first reference.
func (b *binder) globalDef(i int, name string) *Def {
	if b.info.globals == nil {
		b.info.globals = make([]*Def, len(globalNames))
	}
	d := b.info.globals[i]
	if d == nil {
		d = b.newDef(name, BuiltinDef, nil, nil)
		b.info.globals[i] = d
		b.usedGlobals = append(b.usedGlobals, i)
	}
	return d
}

func (b *binder) use(id *ast.Ident, d *Def) {
	b.info.refs.put(id, id.NamePos, refTarget{def: d})
	d.Uses = append(d.Uses, id)
}

// define records a new definition made inside the current binding value.
func (b *binder) define(d *Def) {
	d.Parent = b.cur
	if b.cur != nil {
		b.cur.children = append(b.cur.children, d)
	}
	b.info.Defs = append(b.info.Defs, d)
}

// expr binds the references of x in e.
func (b *binder) expr(x ast.Expr, e *env) {
	switch x := x.(type) {
	case nil:
	case *ast.Ident:
		b.ref(x, e)
	case *ast.StringExpr:
		b.parts(x.Parts, e)
	case *ast.PathExpr:
		b.parts(x.Parts, e)
	case *ast.ParenExpr:
		b.expr(x.X, e)
	case *ast.ListExpr:
		for _, el := range x.Elems {
			b.expr(el, e)
		}
	case *ast.AttrSetExpr:
		if !b.plainSet(x, e) {
			b.set(b.attrs.build(x), e, nil)
		}
	case *ast.LetExpr:
		s := b.attrs.build(x)
		if len(s.Dynamic) > 0 {
			b.errorf(DynamicInLet, x.Pos(), x.Pos(), x.End(), "dynamic attributes not allowed in let")
		}
		b.expr(x.Body, b.set(s, e, x))
	case *ast.LegacyLetExpr:
		b.set(b.attrs.build(x), e, x)
	case *ast.SelectExpr: // in Nix's order: the default before the path
		b.expr(x.X, e)
		if x.Default != nil { // most selects: spare the call
			b.expr(x.Default, e)
		}
		b.path(x.Path, e)
	case *ast.HasAttrExpr:
		b.expr(x.X, e)
		b.path(x.Path, e)
	case *ast.CallExpr:
		b.expr(x.Fun, e)
		for _, a := range x.Args {
			b.expr(a, e)
		}
	case *ast.UnaryExpr:
		b.expr(x.X, e)
	case *ast.BinaryExpr:
		b.binary(x, e)
	case *ast.LambdaExpr:
		b.lambda(x, e)
	case *ast.WithExpr:
		b.expr(x.Scope, e)
		b.expr(x.Body, b.scope(x.Body, b.withEnv(e, x)))
	case *ast.AssertExpr:
		b.expr(x.Cond, e)
		b.expr(x.Body, e)
	case *ast.IfExpr:
		b.expr(x.Cond, e)
		b.expr(x.Then, e)
		b.expr(x.Else, e)
	}
	// Literals, lookup paths, URIs, __curPos and bad expressions bind
	// nothing.
}

func (b *binder) parts(ps []ast.StringPart, e *env) {
	for _, p := range ps {
		if in, ok := p.(*ast.Interpolation); ok {
			b.expr(in.X, e)
		}
	}
}

// path binds the dynamic keys of an attribute path.
func (b *binder) path(p *ast.AttrPath, e *env) {
	if p == nil {
		return
	}
	for _, k := range p.Keys {
		if _, ok := k.(*ast.Name); !ok { // most keys: names, which bind nothing
			b.key(k, e)
		}
	}
}

func (b *binder) key(k ast.AttrKey, e *env) {
	switch k := k.(type) {
	case *ast.StringExpr:
		b.parts(k.Parts, e)
	case *ast.Interpolation:
		b.expr(k.X, e)
	}
}

// set binds an attribute set. owner is the let or legacy let the set
// belongs to (nil for a set literal); it returns the scope the set's
// values are bound in (the let body's scope).
func (b *binder) set(s *AttrSet, e *env, owner ast.Expr) *env {
	b.info.sets.put(s.Node, s.pos, s)
	inner := e
	if s.Rec || owner != nil {
		kind, own := RecDef, ast.Expr(nil)
		if owner != nil {
			kind, own = LetDef, owner
		} else if lit, ok := s.Node.(*ast.AttrSetExpr); ok {
			own = lit
		}
		defs := b.defBuf.cut(len(s.Attrs))
		for i, a := range s.Attrs {
			d := b.newDef(a.Name, kind, a.Binding, own)
			d.Key, d.Attr = a.Key, a
			d.Ident, _ = a.Key.(*ast.Name)
			b.define(d)
			for _, k := range a.Keys {
				if n, ok := k.(*ast.Name); ok {
					b.info.names.put(n, n.NamePos, d)
				}
			}
			defs[i] = d
		}
		inner = b.scope(s.Node, b.newEnv(e, defs))
	}
	for _, from := range s.InheritFroms {
		b.expr(from, inner)
	}
	saved := b.cur
	for i, a := range s.Attrs {
		if inner != e {
			b.cur = inner.defs[i] // the value belongs to this definition
		}
		b.attr(a, inner, e)
	}
	b.cur = saved
	for _, a := range s.Duplicates {
		b.attr(a, inner, e)
	}
	for _, da := range s.Dynamic {
		b.key(da.Key, inner)
		if da.Set != nil {
			b.set(da.Set, inner, nil)
		} else {
			b.expr(da.Value, inner)
		}
	}
	return inner
}

// attr binds one attribute's value: plain values in the set's scope,
// inherited names in the enclosing one.
func (b *binder) attr(a *Attr, inner, outer *env) {
	switch a.Kind {
	case PlainAttr:
		if a.Set != nil {
			b.set(a.Set, inner, nil)
		} else {
			b.expr(a.Value, inner)
		}
	case InheritedAttr:
		b.inheritRef(a.Key, a.Name, outer)
	}
	// inherit (e) a: e was bound once for the clause.
}

// inheritRef binds the reference that `inherit name;` makes in outer
// (k is the inherited key).
func (b *binder) inheritRef(k ast.AttrKey, name string, outer *env) {
	n, ok := k.(*ast.Name)
	if !ok {
		n = b.names.new()
		*n = ast.Name{NamePos: k.Pos(), Name: name}
	}
	id := b.idents.new()
	*id = ast.Ident{NamePos: n.NamePos, Name: name}
	if b.info.inherits == nil {
		b.info.inherits = map[*ast.Name]*ast.Ident{}
		b.info.inherited = map[*ast.Ident]*ast.Name{}
	}
	b.info.inherits[n] = id
	b.info.inherited[id] = n
	b.ref(id, outer)
}

// lambda binds a function: its argument and formals are in scope in the
// formals' defaults and in the body.
func (b *binder) lambda(l *ast.LambdaExpr, e *env) {
	n := 0
	if l.Formals != nil {
		n = len(l.Formals.List)
	}
	defs := b.defBuf.cut(n + 1)[:0]
	if l.Arg != nil {
		kind := LambdaArgDef
		if l.Formals != nil {
			kind = AtDef
		}
		d := b.newDef(l.Arg.Name, kind, l, l)
		d.Ident = l.Arg
		b.define(d)
		b.info.names.put(l.Arg, l.Arg.NamePos, d)
		defs = append(defs, d)
	}
	if l.Formals != nil {
		for _, f := range l.Formals.List {
			d := b.newDef(f.Name.Name, FormalDef, f, l)
			d.Ident = f.Name
			b.define(d)
			b.info.names.put(f.Name, f.Name.NamePos, d)
			defs = append(defs, d)
		}
		b.checkFormals(l)
	}
	inner := b.scope(l, b.newEnv(e, defs))
	if l.Formals != nil {
		for _, f := range l.Formals.List {
			b.expr(f.Default, inner)
		}
	}
	b.expr(l.Body, inner)
}
