package nixmatch

import (
	"slices"
	"testing"
)

func TestSlabAlloc(t *testing.T) {
	var s slab[int]
	a := s.alloc(3)
	b := s.alloc(minChunk) // does not fit the first chunk's rest
	if len(a) != 3 || cap(a) != 3 || len(b) != minChunk || cap(b) != minChunk {
		t.Fatalf("alloc(3), alloc(%d) = len %d cap %d, len %d cap %d; want clipped pieces", minChunk, len(a), cap(a), len(b), cap(b))
	}
	if len(s.chunks) != 2 || len(s.chunks[1]) != 2*minChunk {
		t.Fatalf("chunks = %d, second of %d; want 2, of %d", len(s.chunks), len(s.chunks[len(s.chunks)-1]), 2*minChunk)
	}
	a[0], a[2], b[0], b[minChunk-1] = 1, 3, 2, 4
	if grown := append(a, 7); &grown[0] == &a[0] || s.chunks[0][3] != 0 { // clipped: copies
		t.Error("appending to a piece wrote into the slab")
	}
	s.reset()
	if slices.ContainsFunc(s.chunks[0], func(v int) bool { return v != 0 }) || slices.ContainsFunc(s.chunks[1], func(v int) bool { return v != 0 }) {
		t.Error("reset left values in the chunks")
	}
	// After a reset, pieces come from the same chunks, in order.
	if c := s.alloc(2); &c[0] != &s.chunks[0][0] {
		t.Error("alloc after reset does not reuse the first chunk")
	}
	if c := s.alloc(minChunk + 1); &c[0] != &s.chunks[1][0] {
		t.Error("alloc after reset does not reuse the second chunk")
	}
	if len(s.chunks) != 2 {
		t.Errorf("reuse made %d chunks, want 2", len(s.chunks))
	}
}

func TestSlabTailKeep(t *testing.T) {
	var s slab[string]
	p := s.keep(append(s.tail(), "lib", "mkIf"))
	q := s.keep(append(s.tail(), "pkgs"))
	if !slices.Equal(p, []string{"lib", "mkIf"}) || !slices.Equal(q, []string{"pkgs"}) || cap(p) != 2 {
		t.Fatalf("pieces = %q (cap %d), %q; want [lib mkIf] clipped, [pkgs]", p, cap(p), q)
	}
	if &q[0] != &s.chunks[0][2] {
		t.Error("the second piece does not follow the first in the chunk")
	}
	// A piece that outgrows the tail moves to memory of its own, having
	// written the whole tail; the next piece takes its place.
	long := s.tail()
	for range maxTail + 1 {
		long = append(long, "x")
	}
	long = s.keep(long)
	r := s.keep(append(s.tail(), "after"))
	if len(long) != maxTail+1 || &r[0] != &s.chunks[0][3] {
		t.Errorf("after a piece of %d, the next piece is not where it would have started", len(long))
	}
	if !slices.Equal(p, []string{"lib", "mkIf"}) {
		t.Errorf("later pieces overwrote the first: %q", p)
	}
	// Appending without keeping (a name that turned out not to be one)
	// writes only into the tail, which reset clears too.
	_ = append(s.tail(), "scribble", "more")
	s.reset()
	if i := slices.IndexFunc(s.chunks[0], func(v string) bool { return v != "" }); i >= 0 {
		t.Errorf("reset left %q at %d", s.chunks[0][i], i)
	}
}

// TestSlabResetClearsLeftChunks checks that reset clears what was
// written into chunks the slab has moved on from, pieces and scribbled
// tails alike, as well as the current one.
func TestSlabResetClearsLeftChunks(t *testing.T) {
	var s slab[string]
	for i := range 3 {
		p := s.alloc(minChunk - maxTail - 1)
		p[len(p)-1] = "piece"
		_ = append(s.tail(), "scribble", "more") // in the tail, never kept
		s.keep(append(s.tail(), "kept"))
		if i < 2 {
			s.alloc(2 * minChunk)[0] = "moves on" // the chunk's rest is too short
		}
	}
	if len(s.chunks) < 2 {
		t.Fatalf("%d chunks, want several", len(s.chunks))
	}
	s.reset()
	for i, c := range s.chunks {
		if j := slices.IndexFunc(c, func(v string) bool { return v != "" }); j >= 0 {
			t.Errorf("reset left %q at %d of chunk %d", c[j], j, i)
		}
	}
}
