package scope

// slab allocates values of T in chunks, so that the many small Defs and
// Attrs of a file cost a few allocations instead of one each. Chunks
// start small and double, so that small files stay small. A slab keeps
// its chunks: after reset it hands out the same memory again, which is
// how a Binder binds file after file without allocating.
type slab[T any] struct {
	chunks [][]T // every chunk made, in the order they are handed out
	used   int   // chunks[:used] have been handed out from
	cur    []T   // the current chunk, chunks[used-1]
	off    int   // cur[:off] has been handed out
}

// slabFirst is the size of a slab's first chunk, unless reserved.
const slabFirst = 4

// new returns a value to fill. A reused value still holds what it held
// before: callers overwrite it whole. Moving to the next chunk calls no
// function, so that new stays within the compiler's inlining budget.
func (s *slab[T]) new() *T {
	if s.off == len(s.cur) {
		if s.used == len(s.chunks) {
			s.chunks = append(s.chunks, make([]T, slabFirst<<s.used))
		}
		s.cur, s.off = s.chunks[s.used], 0
		s.used++
	}
	x := &s.cur[s.off]
	s.off++
	return x
}

// reserve makes the first chunk hold n values, for a count estimated in
// advance; if the estimate falls short, the next chunks are made
// doubling from there. A slab that already has chunks keeps them.
func (s *slab[T]) reserve(n int) {
	if len(s.chunks) == 0 && n > 0 {
		s.chunks = append(s.chunks, make([]T, n))
	}
}

// reset makes the slab hand out its chunks again from the start.
func (s *slab[T]) reset() {
	s.used, s.cur, s.off = 0, nil, 0
}
