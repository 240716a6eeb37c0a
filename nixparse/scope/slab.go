package scope

// slab allocates values of T in chunks, so that the many small Defs and
// Attrs of a file cost a few allocations instead of one each. Chunks
// start small and double, so that small files stay small.
type slab[T any] struct {
	buf  []T
	next int // size of the next chunk
}

// Chunk sizes of a slab.
const (
	slabFirst = 4
	slabMax   = 256
)

func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		n := max(slabFirst, s.next)
		s.next = min(slabMax, 2*n)
		s.buf = make([]T, 0, n)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// reserve makes the first chunk hold n values, for a count estimated in
// advance; if the estimate falls short, the next chunks start small
// again.
func (s *slab[T]) reserve(n int) {
	if cap(s.buf) == 0 && n > 0 {
		s.buf = make([]T, 0, n)
	}
}
