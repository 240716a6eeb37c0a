package scope

import (
	"slices"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Most set literals are plain: not rec, every binding `name = value;`
// or an inherit of static names, no name twice. Nix merges nothing in
// them and finds no error while building them, and their values bind in
// the enclosing scope; so the binder binds them straight from the tree,
// in the order the merged set would give, and builds their AttrSet only
// when AttrSetOf asks for it. That spares it about a third of the
// attributes of real code (home-manager: 46 500 made of 75 000).

// plainSet binds x as a plain set and reports true, or reports false
// when x is not plain.
func (b *binder) plainSet(x *ast.AttrSetExpr, e *env) bool {
	if !b.isPlain(x) {
		return false
	}
	b.info.sets.put(x, x.Pos(), nil) // built on demand
	for _, bd := range x.Bindings {
		if in, ok := bd.(*ast.Inherit); ok && in.From != nil {
			b.expr(in.From, e)
		}
	}
	for _, bd := range x.Bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if bd.Value != nil && bd.Path != nil && len(bd.Path.Keys) > 0 {
				b.expr(bd.Value, e) // as the builder, which skips the others
			}
		case *ast.Inherit:
			if bd.From == nil {
				for _, k := range bd.Names {
					name, _ := keyName(k)
					b.inheritRef(k, name, e)
				}
			}
		}
	}
	return true
}

// smallSet is the size up to which distinct compares names pairwise.
const smallSet = 8

// isPlain reports whether x is a plain set literal.
func (b *binder) isPlain(x *ast.AttrSetExpr) bool {
	if x.Rec.IsValid() {
		return false
	}
	names, maybeRepeated, ok := plainNames(x, b.scratch[:0])
	b.scratch = names[:0]
	return ok && (!maybeRepeated || distinct(names))
}

// plainNames appends the names x binds to names, or reports false when a
// binding has a longer path or a dynamic name. Bindings the builder
// skips (without a path or value, left by syntax errors) are left out.
// maybeRepeated reports whether two names share their nameBit: in most
// sets none do, which proves the names distinct without comparing them.
func plainNames(x *ast.AttrSetExpr, names []string) (_ []string, maybeRepeated, ok bool) {
	var seen uint64
	for _, bd := range x.Bindings {
		switch bd := bd.(type) {
		case *ast.AttrDef:
			if bd.Value == nil || bd.Path == nil || len(bd.Path.Keys) == 0 {
				continue
			}
			if len(bd.Path.Keys) > 1 {
				return names, false, false
			}
			name, static := keyName(bd.Path.Keys[0])
			if !static {
				return names, false, false
			}
			bit := nameBit(name)
			maybeRepeated = maybeRepeated || seen&bit != 0
			seen |= bit
			names = append(names, name)
		case *ast.Inherit:
			for _, k := range bd.Names {
				name, static := keyName(k)
				if !static {
					return names, false, false
				}
				names = append(names, name)
			}
			maybeRepeated = true // rare: let distinct compare
		}
	}
	return names, maybeRepeated, true
}

// distinct reports whether no name occurs twice; it may reorder names.
func distinct(names []string) bool {
	if len(names) <= smallSet {
		for i, n := range names {
			if slices.Contains(names[:i], n) {
				return false
			}
		}
		return true
	}
	slices.Sort(names)
	for i := 1; i < len(names); i++ {
		if names[i] == names[i-1] {
			return false
		}
	}
	return true
}

// plainAttrSet returns the AttrSet of the plain set n, building it on
// first use. The sets of literals among its values are those AttrSetOf
// returns for them. info.plainMu must be held.
func (info *Info) plainAttrSet(n ast.Node) *AttrSet {
	if s := info.plain[n]; s != nil {
		return s
	}
	b := &attrBuilder{tf: info.tf, literal: info.literalSet}
	s := b.build(n.(ast.Expr))
	if info.plain == nil {
		info.plain = map[ast.Node]*AttrSet{}
	}
	info.plain[n] = s
	return s
}

// literalSet returns the AttrSet the binder made or makes for the set
// literal x. info.plainMu must be held.
func (info *Info) literalSet(x *ast.AttrSetExpr) *AttrSet {
	s, ok := info.set(x)
	if !ok || s != nil {
		return s
	}
	return info.plainAttrSet(x)
}
