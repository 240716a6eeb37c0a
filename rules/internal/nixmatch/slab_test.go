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
	a[0], b[0] = 1, 2
	if grown := append(a, 7); &grown[0] == &a[0] || s.chunks[0][3] != 0 { // clipped: copies
		t.Error("appending to a piece wrote into the slab")
	}
	s.reset()
	if slices.ContainsFunc(s.chunks[0], func(v int) bool { return v != 0 }) || s.chunks[1][0] != 0 {
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
	// A piece that outgrows the tail moves: the next starts a new chunk.
	long := s.tail()
	for range minChunk {
		long = append(long, "x")
	}
	long = s.keep(long)
	r := s.keep(append(s.tail(), "after"))
	if len(long) != minChunk || len(s.chunks) != 2 || &r[0] != &s.chunks[1][0] {
		t.Errorf("after a piece of %d, chunks = %d and the next piece is not at the start of the second", len(long), len(s.chunks))
	}
	if !slices.Equal(p, []string{"lib", "mkIf"}) {
		t.Errorf("later pieces overwrote the first: %q", p)
	}
}
