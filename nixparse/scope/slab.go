package scope

// slab allocates values of T in chunks, so that the many small Defs and
// Attrs of a file cost a few allocations instead of one each. Chunks
// start small and double, so that small files stay small.
type slab[T any] struct{ buf []T }

// Chunk sizes of a slab.
const (
	slabFirst = 4
	slabMax   = 256
)

func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		s.buf = make([]T, 0, min(slabMax, max(slabFirst, 2*cap(s.buf))))
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}
