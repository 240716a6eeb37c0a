package scope

import (
	"go/token"
	"math/bits"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// table maps the nodes of one file to values. It stands for a Go map
// keyed by node where the binder makes one entry per reference, name or
// set: nodes hash by their position, which callers pass along (distinct
// nodes of a file rarely share one; taking it from the key would make
// every key escape), and a reused table is emptied at a cost in
// proportion to the new file, not to the largest file it held, which
// clearing a map costs.
type table[K comparable, V any] struct {
	slots   []int32 // 1 + the index of an entry, 0 for a free slot
	entries []entry[K, V]
	shift   uint // 64 - log2(len(slots))
}

type entry[K comparable, V any] struct {
	key K
	pos token.Pos
	val V
}

// reset empties t and sizes it for about n entries.
func (t *table[K, V]) reset(n int) {
	if cap(t.entries) < n {
		t.entries = make([]entry[K, V], 0, n)
	}
	t.entries = t.entries[:0]
	t.size(n)
}

// size makes t's slots (empty) for n entries at most at the highest
// load, 1/2: linear probing at 3/4 made a put look at about twice as
// many slots, which cost more than clearing twice as many.
func (t *table[K, V]) size(n int) {
	log := uint(max(4, bits.Len(uint(max(2*n-1, 0))))) // the least log >= 4 with 1<<log >= 2*n
	if cap(t.slots) >= 1<<log {
		t.slots = t.slots[:1<<log]
		clear(t.slots)
	} else {
		t.slots = make([]int32, 1<<log)
	}
	t.shift = 64 - log
}

// find returns the slot holding k (at pos), or the free slot where k
// would go.
func (t *table[K, V]) find(k K, pos token.Pos) (slot uint64, entry int32) {
	mask := uint64(len(t.slots) - 1)
	for h := uint64(pos) * 0x9E3779B97F4A7C15 >> t.shift; ; h = (h + 1) & mask {
		e := t.slots[h]
		if e == 0 || t.entries[e-1].key == k {
			return h, e
		}
	}
}

// get returns the value of k (at pos), and whether k has one.
func (t *table[K, V]) get(k K, pos token.Pos) (V, bool) {
	if len(t.slots) == 0 {
		var zero V
		return zero, false
	}
	_, e := t.find(k, pos)
	if e == 0 {
		var zero V
		return zero, false
	}
	return t.entries[e-1].val, true
}

// put sets the value of k (at pos).
func (t *table[K, V]) put(k K, pos token.Pos, v V) {
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.grow()
	}
	slot, e := t.find(k, pos)
	if e != 0 {
		t.entries[e-1].val = v
		return
	}
	t.entries = append(t.entries, entry[K, V]{k, pos, v})
	t.slots[slot] = int32(len(t.entries))
}

// grow doubles the slots and places the entries again.
func (t *table[K, V]) grow() {
	t.size(max(len(t.slots), 8))
	for i, en := range t.entries {
		slot, _ := t.find(en.key, en.pos)
		t.slots[slot] = int32(i + 1)
	}
}

// len returns the number of entries.
func (t *table[K, V]) len() int { return len(t.entries) }

// refTarget is what a reference resolves to: a definition, or else the
// innermost with env, whose withs may supply it.
type refTarget struct {
	def  *Def
	with *env
}

// ref returns what id resolves to (nothing for nil).
func (info *Info) ref(id *ast.Ident) refTarget {
	if id == nil {
		return refTarget{}
	}
	r, _ := info.refs.get(id, id.NamePos)
	return r
}

// set returns the AttrSet of n (nil for a plain set), and whether the
// binder met n as a set.
func (info *Info) set(n ast.Node) (*AttrSet, bool) {
	if pos, ok := setPos(n); ok {
		return info.sets.get(n, pos)
	}
	return nil, false
}

// setPos returns the position of a node that may hold a set: a set
// literal, a let, or an attribute definition whose path implies sets.
// It reports false for other nodes and nil ones.
func setPos(n ast.Node) (token.Pos, bool) {
	switch x := n.(type) {
	case *ast.AttrSetExpr:
		if x != nil {
			return x.Pos(), true
		}
	case *ast.LetExpr:
		if x != nil {
			return x.Pos(), true
		}
	case *ast.LegacyLetExpr:
		if x != nil {
			return x.Pos(), true
		}
	case *ast.AttrDef:
		if x != nil {
			return x.Pos(), true
		}
	}
	return token.NoPos, false
}
