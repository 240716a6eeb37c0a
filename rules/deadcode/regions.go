package deadcode

import (
	"cmp"
	"go/token"
	"slices"
)

// nesting indexes regions by how they nest, so that finding the
// innermost region holding a use costs the depth of the nesting rather
// than the number of regions (a let of a hundred bindings has a hundred
// regions side by side). Regions come from the spans of a tree, so they
// nest; when they do not (after syntax errors), or when two are the same
// span, innermost looks at them all.
type nesting struct {
	// nested reports whether the regions nest; when not, the fields
	// below are meaningless.
	nested bool
	// byStart holds the indices of the regions sorted by start, outer
	// ones first.
	byStart []int32
	// parent[k] is the position in byStart of the region enclosing
	// byStart[k], or -1.
	parent []int32
	// open holds, while indexing, the positions in byStart of the
	// regions enclosing the current one.
	open []int32
}

// index indexes regions, reusing n's memory.
func (n *nesting) index(regions []region) {
	n.byStart = resize(n.byStart, len(regions))
	for i := range n.byStart {
		n.byStart[i] = int32(i)
	}
	slices.SortFunc(n.byStart, func(a, b int32) int {
		ra, rb := &regions[a], &regions[b]
		return cmp.Or(cmp.Compare(ra.from, rb.from), cmp.Compare(rb.to, ra.to))
	})
	n.parent = resize(n.parent, len(regions))
	n.nested = n.link(regions)
}

// link fills parent from byStart, and reports whether the regions nest.
func (n *nesting) link(regions []region) bool {
	byStart, parent, open := n.byStart, n.parent, n.open[:0]
	// open is kept on every return without a deferred closure, which
	// would hold it in memory rather than registers through the loop.
	for k, i := range byStart {
		r := &regions[i]
		for len(open) > 0 && regions[byStart[open[len(open)-1]]].to <= r.from {
			open = open[:len(open)-1]
		}
		parent[k] = -1
		if len(open) > 0 {
			outer := &regions[byStart[open[len(open)-1]]]
			if r.to > outer.to || r.from == outer.from && r.to == outer.to {
				n.open = open
				return false // overlapping or the same: no nesting
			}
			parent[k] = open[len(open)-1]
		}
		open = append(open, int32(k))
	}
	n.open = open
	return true
}

// innermost returns the smallest region holding [pos, end), or nil.
func (l *liveness) innermost(pos, end token.Pos) *region {
	if !l.nest.nested {
		return l.innermostScan(pos, end)
	}
	// The smallest region holding the use encloses (or is) the last
	// region starting at or before it.
	for k := l.lastStartingBy(pos) - 1; k >= 0; k = int(l.nest.parent[k]) {
		if r := &l.regions[l.nest.byStart[k]]; r.from <= pos && end <= r.to {
			return r
		}
	}
	return nil
}

// lastStartingBy returns the number of regions starting at or before
// pos, of nested regions: byStart[that-1] is the last of them.
func (l *liveness) lastStartingBy(pos token.Pos) int {
	by := l.nest.byStart
	lo, hi := 0, len(by)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if l.regions[by[mid]].from > pos {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// innermostScan is innermost for regions that do not nest.
func (l *liveness) innermostScan(pos, end token.Pos) *region {
	var best *region
	for i := range l.regions {
		r := &l.regions[i]
		if r.from <= pos && end <= r.to && (best == nil || r.to-r.from < best.to-best.from) {
			best = r
		}
	}
	return best
}
