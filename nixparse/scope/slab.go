package scope

// slab allocates values of T in chunks, so that the many small Defs and
// Attrs of a file cost a few allocations instead of one each. Chunks
// start small and double, so that small files stay small. A slab keeps
// its chunks: after reset it hands out the same memory again, which is
// how a Binder binds file after file without allocating.
type slab[T any] struct {
	buf   []T   // the chunk being filled: chunk cur
	first []T   // chunk 0
	more  [][]T // chunks 1, 2…
	cur   int
	next  int // size of the next chunk to make
}

// Chunk sizes of a slab.
const (
	slabFirst = 4
	slabMax   = 256
)

// new returns a value to fill. A reused value still holds what it held
// before: callers overwrite it whole.
func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		s.nextChunk()
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

// nextChunk moves to the next kept chunk, or makes one.
func (s *slab[T]) nextChunk() {
	if s.cur < len(s.more) {
		s.cur++
		s.buf = s.more[s.cur-1][:0]
		return
	}
	s.makeChunk(max(slabFirst, s.next))
}

// makeChunk makes the next chunk, of n values.
func (s *slab[T]) makeChunk(n int) {
	s.next = min(slabMax, 2*n)
	s.buf = make([]T, 0, n)
	if s.first == nil {
		s.first = s.buf
		return
	}
	s.more = append(s.more, s.buf)
	s.cur = len(s.more)
}

// reserve makes the first chunk hold n values, for a count estimated in
// advance; if the estimate falls short, the next chunks start small
// again. A slab that already has chunks keeps them.
func (s *slab[T]) reserve(n int) {
	if s.first == nil && n > 0 {
		s.makeChunk(n)
		s.next = 0
	}
}

// reset makes the slab hand out its chunks again from the start.
func (s *slab[T]) reset() {
	s.cur = 0
	s.buf = s.first[:0]
}

// mapPool lends the maps that index one file's large scopes or sets,
// emptied and handed out again for the next file.
type mapPool[V any] struct {
	maps []map[string]V
	used int // maps handed out for this file
}

// get returns an empty map for about n entries.
func (p *mapPool[V]) get(n int) map[string]V {
	if p.used == len(p.maps) {
		p.maps = append(p.maps, make(map[string]V, n))
	} else {
		clear(p.maps[p.used])
	}
	p.used++
	return p.maps[p.used-1]
}

// reset makes every map available again.
func (p *mapPool[V]) reset() { p.used = 0 }
