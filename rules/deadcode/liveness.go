package deadcode

import (
	"go/token"

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
type liveness struct {
	regions []region
	// live holds the definitions used from live code; alive also the
	// kept ones, whose regions count as live.
	live, alive map[*scope.Def]bool
}

type region struct {
	from, to token.Pos
	owners   []*scope.Def
}

// exemptFunc reports the definitions a rule never reports, such as
// `_`-prefixed names; what they use counts as used.
type exemptFunc func(*scope.Def) bool

// newLiveness computes the liveness of f's definitions. Besides the
// exempt ones, let bindings whose unused-let-binding finding a
// suppression comment silences (`# deadnix: skip`) stay, so they count
// as live: what they use must stay too.
func newLiveness(f *nixpass.File, exempt exemptFunc) *liveness {
	l := &liveness{live: map[*scope.Def]bool{}, alive: map[*scope.Def]bool{}}
	suppressed := analyzer.Suppressions(f)
	kept := func(d *scope.Def) bool {
		return exempt(d) || d.Kind == scope.LetDef &&
			suppressed(letBindingRule, "deadcode", f.Tok.Line(defName(d).Pos()))
	}
	l.collectRegions(f.Info)
	l.propagate(f.Info, kept)
	return l
}

// letBindingRule is the name of UnusedLetBinding (which cannot be
// referred to from here without an initialisation cycle).
const letBindingRule = "unused-let-binding"

func (l *liveness) collectRegions(info *scope.Info) {
	inherits := map[*ast.Inherit][]*scope.Def{}
	var order []*ast.Inherit
	for _, d := range info.Defs {
		if d.Kind != scope.LetDef {
			continue
		}
		u := d
		for _, b := range letBindings(d) {
			switch b := b.(type) {
			case *ast.AttrDef:
				// The value, and any dynamic key after the first.
				l.regions = append(l.regions, region{b.Path.Keys[0].End(), b.End(), []*scope.Def{u}})
			case *ast.Inherit:
				// The inherited name itself: `inherit a;` uses the outer a there.
				name := defName(d)
				l.regions = append(l.regions, region{name.Pos(), name.End(), []*scope.Def{u}})
				if b.From != nil {
					if _, seen := inherits[b]; !seen {
						order = append(order, b)
					}
					inherits[b] = append(inherits[b], u)
				}
			}
		}
	}
	for _, in := range order {
		l.regions = append(l.regions, region{in.From.Pos(), in.From.End(), inherits[in]})
	}
}

// letBindings returns the bindings that define the let definition d: one,
// or several when paths merge (let a.b = 1; a.c = 2;).
func letBindings(d *scope.Def) []ast.Binding {
	if d.Attr == nil {
		if b, ok := d.Node.(ast.Binding); ok {
			return []ast.Binding{b}
		}
		return nil
	}
	var all []ast.Binding
	switch o := d.Owner.(type) {
	case *ast.LetExpr:
		all = o.Bindings
	case *ast.LegacyLetExpr:
		all = o.Bindings
	}
	var out []ast.Binding
	for _, b := range all {
		for _, k := range d.Attr.Keys {
			if def, ok := b.(*ast.AttrDef); ok && def.Path.Keys[0] == k {
				out = append(out, b)
			}
		}
		if b == d.Attr.Binding {
			if _, ok := b.(*ast.Inherit); ok {
				out = append(out, b)
			}
		}
	}
	return out
}

// defName returns the node naming d: its name, or its string key.
func defName(d *scope.Def) ast.Node {
	if d.Ident != nil {
		return d.Ident
	}
	return d.Key
}

// innermost returns the smallest region holding [pos, end), or nil.
func (l *liveness) innermost(pos, end token.Pos) *region {
	var best *region
	for i := range l.regions {
		r := &l.regions[i]
		if r.from <= pos && end <= r.to && (best == nil || r.to-r.from < best.to-best.from) {
			best = r
		}
	}
	return best
}

// propagate marks the definitions used from live code. Kept
// definitions are not live themselves unless used, but what they use is.
func (l *liveness) propagate(info *scope.Info, kept exemptFunc) {
	edges := map[*scope.Def][]*scope.Def{}
	var work []*scope.Def
	expand := func(u *scope.Def) {
		if !l.alive[u] {
			l.alive[u] = true
			work = append(work, u)
		}
	}
	mark := func(u *scope.Def) {
		l.live[u] = true
		expand(u)
	}
	for _, d := range info.Defs {
		if isLegacyLetBody(d) {
			mark(d)
		} else if kept(d) {
			expand(d)
		}
		for _, use := range d.Uses {
			r := l.innermost(use.Pos(), use.End())
			if r == nil {
				mark(d)
				continue
			}
			for _, o := range r.owners {
				if o != d {
					edges[o] = append(edges[o], d)
				}
			}
		}
	}
	for len(work) > 0 {
		u := work[len(work)-1]
		work = work[:len(work)-1]
		for _, v := range edges[u] {
			mark(v)
		}
	}
}

// isLegacyLetBody reports whether d is the `body` of a legacy
// `let { … }`, the value of the whole expression.
func isLegacyLetBody(d *scope.Def) bool {
	_, legacy := d.Owner.(*ast.LegacyLetExpr)
	return legacy && d.Name == "body"
}

// Live reports whether d is used from live code.
func (l *liveness) Live(d *scope.Def) bool { return l.live[d] }

// InDeadCode reports whether the node n lies in the value of a dead let
// binding, so that it goes away with that binding and is not worth a
// finding of its own.
func (l *liveness) InDeadCode(n ast.Node) bool {
	for i := range l.regions {
		r := &l.regions[i]
		if r.from <= n.Pos() && n.End() <= r.to && r.to > r.from+token.Pos(0) && !l.anyLive(r.owners) && !isNameRegion(r, n) {
			return true
		}
	}
	return false
}

func isNameRegion(r *region, n ast.Node) bool { return r.from == n.Pos() && r.to == n.End() }

func (l *liveness) anyLive(units []*scope.Def) bool {
	for _, u := range units {
		if l.alive[u] {
			return true
		}
	}
	return false
}
