package deadcode

import (
	"cmp"
	"go/token"
	"slices"
	"sync"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// liveness tells which definitions of a file are used from code that is
// itself live, the way deadnix iterates: a let binding whose only uses lie
// in the values of dead let bindings (its own value included) is dead too,
// and so is a lambda argument used only there.
//
// Every let binding owns a region: its value (and the rest of its
// attribute path), or for `inherit (e) a b;` the expression e, owned by
// all the names the inherit brings in. A use inside no region is a root;
// a use inside a region is live when the region's owner is.
//
// Definitions are known by their index in Info.Defs, so that the sets
// are slices rather than maps keyed by pointer.
type liveness struct {
	regions []region
	nest    nesting
	// owners holds the owners of all regions, each region's in a run.
	owners []int32
	// live holds the definitions used from live code; alive also the
	// kept ones, whose regions count as live.
	live, alive []bool
	// next[start[u]:start[u+1]] are the definitions used in u's regions.
	start, next []int32
	// work holds the alive definitions whose uses are not marked yet.
	work []int32
	// flags holds live and alive; edges and fill are propagate's.
	flags []bool
	edges []edge
	fill  []int32
	// froms is collectRegions' memory, cleared after each use (a
	// released liveness holds no part of a tree).
	froms []inheritName
}

type region struct {
	from, to token.Pos
	// owners[first:last] in liveness.owners own the region.
	first, last int32
}

// livenessKeys are the nixpass.File.Memo keys of a file's liveness: it
// depends on the file and on whether `_`-prefixed names are exempt
// (livenessKeys[1]), so the rules with the same option share one.
var livenessKeys = [2]nixpass.MemoKey{nixpass.NewMemoKey(), nixpass.NewMemoKey()}

// livenessOf returns the liveness of f's definitions when the
// definitions u exempts stay, computed once per file for all the rules
// sharing u's setting.
func livenessOf(f *nixpass.File, u underscore) *liveness {
	key := livenessKeys[0]
	if u.skip {
		key = livenessKeys[1]
	}
	return f.Memo(key, func() any { return newLiveness(f, u.exempt) }).(*liveness)
}

// livenesses holds released livenesses, whose memory serves the next
// file: a run computes one or two per file.
var livenesses = sync.Pool{New: func() any { return new(liveness) }}

// Release gives l's memory to the next file's liveness. The driver calls
// it through nixpass.File.ReleaseMemo; l must not be used afterwards. A
// liveness holds no pointer into a tree once computed: nothing of the
// file stays reachable.
func (l *liveness) Release() { livenesses.Put(l) }

// resize returns s with length n and zero elements, reusing its memory
// when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// exemptFunc reports the definitions a rule never reports, such as
// `_`-prefixed names; what they use counts as used.
type exemptFunc func(*scope.Def) bool

// newLiveness computes the liveness of f's definitions in the memory of
// a released liveness.
func newLiveness(f *nixpass.File, exempt exemptFunc) *liveness {
	return livenesses.Get().(*liveness).compute(f, exempt)
}

// compute computes into l, whose memory it reuses, the liveness of f's
// definitions. Besides the exempt ones, let bindings whose
// unused-let-binding finding a suppression comment silences
// (`# deadnix: skip`) stay, so they count as live: what they use must
// stay too.
func (l *liveness) compute(f *nixpass.File, exempt exemptFunc) *liveness {
	n := len(f.Info.Defs)
	l.flags = resize(l.flags, 2*n)
	l.live, l.alive = l.flags[:n:n], l.flags[n:]
	l.work = l.work[:0]
	l.collectRegions(f.Info)
	l.nest.index(l.regions)
	l.propagate(f.Info, exempt)
	// Suppressed let bindings are looked up last, among the dead ones
	// only: the lines of all bindings would cost more. What they keep
	// alive joins the same fixpoint.
	var suppressed func(rule, category string, line int) bool // parsed for the first dead binding
	for i, d := range f.Info.Defs {
		if d.Kind != scope.LetDef || l.alive[i] {
			continue
		}
		if suppressed == nil {
			suppressed = analyzer.Suppressions(f)
		}
		if suppressed(letBindingRule, "deadcode", f.Tok.Line(defName(d).Pos())) {
			l.expand(int32(i))
		}
	}
	l.drain()
	return l
}

// letBindingRule is the name of UnusedLetBinding (which cannot be
// referred to from here without an initialisation cycle).
const letBindingRule = "unused-let-binding"

func (l *liveness) collectRegions(info *scope.Info) {
	// The names of each `inherit (e)`, whose regions come last.
	froms := l.froms[:0]
	var bindings [4]ast.Binding
	buf := bindings[:0]
	l.regions, l.owners = l.regions[:0], l.owners[:0]
	for i, d := range info.Defs {
		if d.Kind != scope.LetDef {
			continue
		}
		u := int32(i)
		buf = appendLetBindings(buf[:0], d)
		for _, b := range buf {
			switch b := b.(type) {
			case *ast.AttrDef:
				// The value, and any dynamic key after the first.
				l.addRegion(b.Path.Keys[0].End(), b.End(), u)
			case *ast.Inherit:
				// The inherited name itself: `inherit a;` uses the outer a there.
				name := defName(d)
				l.addRegion(name.Pos(), name.End(), u)
				if b.From != nil {
					froms = append(froms, inheritName{b, u})
				}
			}
		}
	}
	// One region per inherit, owned by all its names: grouped by
	// position, keeping the names' order. (The order of regions matters
	// only between regions with the same span, which a source expression
	// shares with no other region.)
	slices.SortStableFunc(froms, func(a, b inheritName) int { return cmp.Compare(a.in.Pos(), b.in.Pos()) })
	for i := 0; i < len(froms); {
		in, first := froms[i].in, int32(len(l.owners))
		for ; i < len(froms) && froms[i].in == in; i++ {
			l.owners = append(l.owners, froms[i].owner)
		}
		l.regions = append(l.regions, region{in.From.Pos(), in.From.End(), first, int32(len(l.owners))})
	}
	clear(froms)
	l.froms = froms[:0]
}

// inheritName is a let definition made by an `inherit (e)`.
type inheritName struct {
	in    *ast.Inherit
	owner int32
}

// addRegion adds the region [from, to) owned by owner.
func (l *liveness) addRegion(from, to token.Pos, owner int32) {
	first := int32(len(l.owners))
	l.owners = append(l.owners, owner)
	l.regions = append(l.regions, region{from, to, first, first + 1})
}

// letBindings returns the bindings that define the let definition d: one,
// or several when paths merge (let a.b = 1; a.c = 2;).
func letBindings(d *scope.Def) []ast.Binding { return appendLetBindings(nil, d) }

// appendLetBindings appends letBindings(d) to buf.
func appendLetBindings(buf []ast.Binding, d *scope.Def) []ast.Binding {
	if d.Attr == nil {
		if b, ok := d.Node.(ast.Binding); ok {
			return append(buf, b)
		}
		return buf
	}
	if b, ok := soleBinding(d.Attr); ok {
		return append(buf, b)
	}
	var all []ast.Binding
	switch o := d.Owner.(type) {
	case *ast.LetExpr:
		all = o.Bindings
	case *ast.LegacyLetExpr:
		all = o.Bindings
	}
	for _, b := range all {
		for _, k := range d.Attr.Keys {
			if def, ok := b.(*ast.AttrDef); ok && def.Path.Keys[0] == k {
				buf = append(buf, b)
			}
		}
		if b == d.Attr.Binding {
			if _, ok := b.(*ast.Inherit); ok {
				buf = append(buf, b)
			}
		}
	}
	return buf
}

// soleBinding returns the binding of an attribute defined by one key,
// the common case, without looking through all the bindings of its let:
// an `a = …;` whose path starts with that key, or the inherit naming it
// (no other binding of the let can hold the key).
func soleBinding(a *scope.Attr) (ast.Binding, bool) {
	if len(a.Keys) != 1 {
		return nil, false
	}
	switch b := a.Binding.(type) {
	case *ast.AttrDef:
		return b, b.Path.Keys[0] == a.Keys[0]
	case *ast.Inherit:
		k := a.Keys[0]
		return b, b.Pos() <= k.Pos() && k.End() <= b.End()
	}
	return nil, false
}

// defName returns the node naming d: its name, or its string key.
func defName(d *scope.Def) ast.Node {
	if d.Ident != nil {
		return d.Ident
	}
	return d.Key
}

// edge says that definition to is used in a region of from.
type edge struct{ from, to int32 }

// propagate marks the definitions used from live code. Kept
// definitions are not live themselves unless used, but what they use is.
func (l *liveness) propagate(info *scope.Info, kept exemptFunc) {
	edges := l.edges[:0]
	for i, d := range info.Defs {
		di := int32(i)
		if isLegacyLetBody(d) {
			l.mark(di)
		} else if kept(d) {
			l.expand(di)
		}
		// Once d is live, its other uses cannot make it more so.
		for _, use := range d.Uses {
			if l.live[di] {
				break
			}
			r := l.innermost(use.Pos(), use.End())
			if r == nil {
				l.mark(di)
				continue
			}
			for _, o := range l.owners[r.first:r.last] {
				if o != di {
					edges = append(edges, edge{o, di})
				}
			}
		}
	}
	// The edges grouped by source: next[start[u]:start[u+1]] are the
	// definitions used in u's regions.
	l.edges = edges
	l.start = resize(l.start, len(info.Defs)+1)
	for _, e := range edges {
		l.start[e.from+1]++
	}
	for i := 1; i < len(l.start); i++ {
		l.start[i] += l.start[i-1]
	}
	l.next = resize(l.next, len(edges))
	l.fill = append(l.fill[:0], l.start[:len(l.start)-1]...)
	fill := l.fill
	for _, e := range edges {
		l.next[fill[e.from]] = e.to
		fill[e.from]++
	}
	l.drain()
}

// expand marks u alive, to be drained.
func (l *liveness) expand(u int32) {
	if !l.alive[u] {
		l.alive[u] = true
		l.work = append(l.work, u)
	}
}

// mark marks u live (and so alive).
func (l *liveness) mark(u int32) {
	l.live[u] = true
	l.expand(u)
}

// drain marks what the alive definitions not drained yet use, until
// the fixpoint.
func (l *liveness) drain() {
	for len(l.work) > 0 {
		u := l.work[len(l.work)-1]
		l.work = l.work[:len(l.work)-1]
		for _, v := range l.next[l.start[u]:l.start[u+1]] {
			l.mark(v)
		}
	}
}

// isLegacyLetBody reports whether d is the `body` of a legacy
// `let { … }`, the value of the whole expression.
func isLegacyLetBody(d *scope.Def) bool {
	_, legacy := d.Owner.(*ast.LegacyLetExpr)
	return legacy && d.Name == "body"
}

// Live reports whether the definition Info.Defs[i] is used from live
// code.
func (l *liveness) Live(i int) bool { return l.live[i] }

// InDeadCode reports whether the node n lies in the value of a dead let
// binding, so that it goes away with that binding and is not worth a
// finding of its own. The regions holding n are those enclosing the last
// one to start at or before it (see innermost): a let of thousands of
// unused bindings asks once per binding, and a scan of every region
// each time made that quadratic (4 s for 20,000 bindings).
func (l *liveness) InDeadCode(n ast.Node) bool {
	if !l.nest.nested {
		return l.inDeadCodeScan(n)
	}
	pos, end := n.Pos(), n.End()
	for k := l.lastStartingBy(pos) - 1; k >= 0; k = int(l.nest.parent[k]) {
		if r := &l.regions[l.nest.byStart[k]]; r.from <= pos && end <= r.to && l.deadAround(r, n) {
			return true
		}
	}
	return false
}

// inDeadCodeScan is InDeadCode for regions that do not nest.
func (l *liveness) inDeadCodeScan(n ast.Node) bool {
	for i := range l.regions {
		r := &l.regions[i]
		if r.from <= n.Pos() && n.End() <= r.to && l.deadAround(r, n) {
			return true
		}
	}
	return false
}

// deadAround reports whether r, a region holding n, is dead code around
// n: not empty, owned by no alive definition, and not n itself.
func (l *liveness) deadAround(r *region, n ast.Node) bool {
	return r.to > r.from && !l.anyAlive(r) && !isNameRegion(r, n)
}

func isNameRegion(r *region, n ast.Node) bool { return r.from == n.Pos() && r.to == n.End() }

// anyAlive reports whether one of r's owners is alive.
func (l *liveness) anyAlive(r *region) bool {
	for _, u := range l.owners[r.first:r.last] {
		if l.alive[u] {
			return true
		}
	}
	return false
}
