package scope

import "go/token"

// table maps the nodes of one file to values. It stands for a Go map
// keyed by node where the binder makes one entry per reference, name or
// set: nodes hash by position (distinct nodes of a file rarely share
// one), and a reused table is emptied at a cost in proportion to the new
// file, not to the largest file it held, which clearing a map costs.
type table[K interface {
	comparable
	Pos() token.Pos
}, V any] struct {
	slots []int32 // 1 + the index of an entry, 0 for a free slot
	keys  []K
	vals  []V
	shift uint // 64 - log2(len(slots))
}

// reset empties t and sizes it for about n entries.
func (t *table[K, V]) reset(n int) {
	if cap(t.keys) < n {
		t.keys, t.vals = make([]K, 0, n), make([]V, 0, n)
	}
	t.keys, t.vals = t.keys[:0], t.vals[:0]
	t.size(n)
}

// size makes t's slots (empty) for n entries at most at the highest
// load, 3/4.
func (t *table[K, V]) size(n int) {
	bits := uint(4)
	for 3<<bits < 4*n {
		bits++
	}
	if cap(t.slots) >= 1<<bits {
		t.slots = t.slots[:1<<bits]
		clear(t.slots)
	} else {
		t.slots = make([]int32, 1<<bits)
	}
	t.shift = 64 - bits
}

func (t *table[K, V]) home(k K) uint64 {
	return uint64(k.Pos()) * 0x9E3779B97F4A7C15 >> t.shift
}

// find returns the slot holding k, or the free slot where k would go.
func (t *table[K, V]) find(k K) (slot uint64, entry int32) {
	mask := uint64(len(t.slots) - 1)
	for h := t.home(k); ; h = (h + 1) & mask {
		e := t.slots[h]
		if e == 0 || t.keys[e-1] == k {
			return h, e
		}
	}
}

// get returns the value of k, and whether k has one (a nil k has
// none).
func (t *table[K, V]) get(k K) (V, bool) {
	var nilKey K
	if len(t.slots) == 0 || k == nilKey {
		var zero V
		return zero, false
	}
	_, e := t.find(k)
	if e == 0 {
		var zero V
		return zero, false
	}
	return t.vals[e-1], true
}

// put sets the value of k.
func (t *table[K, V]) put(k K, v V) {
	if 4*(len(t.keys)+1) > 3*len(t.slots) {
		t.grow()
	}
	slot, e := t.find(k)
	if e != 0 {
		t.vals[e-1] = v
		return
	}
	t.keys = append(t.keys, k)
	t.vals = append(t.vals, v)
	t.slots[slot] = int32(len(t.keys))
}

// grow doubles the slots and places the entries again.
func (t *table[K, V]) grow() {
	t.size(max(2*len(t.slots)*3/4, 8))
	for i, k := range t.keys {
		slot, _ := t.find(k)
		t.slots[slot] = int32(i + 1)
	}
}

// len returns the number of entries.
func (t *table[K, V]) len() int { return len(t.keys) }

// refTarget is what a reference resolves to: a definition, or else the
// innermost with env, whose withs may supply it.
type refTarget struct {
	def  *Def
	with *env
}
