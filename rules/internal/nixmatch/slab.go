package nixmatch

// A slab hands out pieces of a few large chunks of memory, so that the
// many small slices of a file's results (the parts of names and option
// paths, the arguments of calls) cost a few allocations, not one each.
// A slab is kept with the results it filled and reused for the next
// file once they are released (see callSet and indexMemo): reset clears
// what was handed out, so that no tree is kept alive, and the chunks
// serve again. The zero slab is ready.
type slab[T any] struct {
	// chunks[:used] hold pieces handed out since the last reset; free is
	// the unused end of chunks[used-1].
	chunks [][]T
	used   int
	free   []T
}

// minChunk is the length of a slab's first chunk.
const minChunk = 64

// alloc returns a zeroed piece of length n, clipped so that appending to
// it copies it.
func (s *slab[T]) alloc(n int) []T {
	if len(s.free) < n {
		s.next(n)
	}
	p := s.free[:n:n]
	s.free = s.free[n:]
	return p
}

// tail returns the free memory of the current chunk as an empty slice,
// with room for a few elements, for a piece whose length is known only
// once it is filled by append; keep then takes it.
func (s *slab[T]) tail() []T {
	if len(s.free) < 8 {
		s.next(8)
	}
	return s.free[:0]
}

// keep takes p, filled by appending to tail(), and returns it clipped.
// When p outgrew the tail, append moved it to memory of its own, and the
// next piece starts in a new chunk: the current one is nearly full.
func (s *slab[T]) keep(p []T) []T {
	if len(p) <= cap(s.free) { // append did not move it
		s.free = s.free[len(p):]
	} else {
		s.next(len(p) + 1)
	}
	return p[:len(p):len(p)]
}

// next makes the next chunk, one of at least n elements, current: a
// chunk of an earlier file when one is large enough, else a new one.
func (s *slab[T]) next(n int) {
	for s.used < len(s.chunks) {
		c := s.chunks[s.used]
		s.used++
		if len(c) >= n {
			s.free = c
			return
		}
	}
	size := minChunk
	if len(s.chunks) > 0 {
		size = 2 * len(s.chunks[len(s.chunks)-1])
	}
	c := make([]T, max(n, size))
	s.chunks = append(s.chunks, c)
	s.used = len(s.chunks)
	s.free = c
}

// reset clears the pieces handed out and makes the slab's memory free
// for the next file.
func (s *slab[T]) reset() {
	for _, c := range s.chunks[:s.used] {
		clear(c)
	}
	s.used, s.free = 0, nil
}
