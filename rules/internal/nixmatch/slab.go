package nixmatch

// A slab hands out pieces of a few large chunks of memory, so that the
// many small slices of a file's results (the parts of names and option
// paths, the arguments of calls) cost a few allocations, not one each.
// A slab is kept with the results it filled and reused for the next
// file once they are released (see callSet and indexMemo): reset clears
// what was handed out, so that no tree is kept alive, and the chunks
// serve again. The zero slab is ready.
type slab[T any] struct {
	// chunks[:used] hold pieces handed out since the last reset; cur is
	// chunks[used-1] (nil when used is 0), the next piece of which
	// starts at pos.
	chunks [][]T
	cur    []T
	used   int
	pos    int
	// dirty[i] is how much of chunks[i] may have been written since the
	// last reset, for the chunks left before cur: reset clears that much
	// only, as chunks grow larger than most files need. It is noted once
	// per chunk, not per piece: as pieces only grow into a tail past
	// pos, at most maxTail past it has been written.
	dirty []int
}

const (
	// minChunk is the length of a slab's first chunk.
	minChunk = 64
	// maxTail is the most elements a piece made with tail may have in
	// place (a longer one moves to memory of its own).
	maxTail = 16
)

// alloc returns a zeroed piece of length n, clipped so that appending to
// it copies it.
func (s *slab[T]) alloc(n int) []T {
	if s.pos+n > len(s.cur) {
		s.next(n)
	}
	p := s.cur[s.pos : s.pos+n : s.pos+n]
	s.pos += n
	return p
}

// tail returns the free memory of the current chunk as an empty slice
// of at most maxTail elements, for a piece whose length is known only
// once it is filled by append; keep then takes it.
func (s *slab[T]) tail() []T {
	if s.pos+maxTail > len(s.cur) {
		s.next(maxTail)
	}
	return s.cur[s.pos : s.pos : s.pos+maxTail]
}

// keep takes p, filled by appending to tail(), and returns it clipped.
func (s *slab[T]) keep(p []T) []T {
	if len(p) <= maxTail { // append did not move it
		s.pos += len(p)
	}
	return p[:len(p):len(p)]
}

// written returns how much of cur may have been written.
func (s *slab[T]) written() int {
	return min(len(s.cur), s.pos+maxTail)
}

// next makes the next chunk, one of at least n elements, current: a
// chunk of an earlier file when one is large enough, else a new one.
func (s *slab[T]) next(n int) {
	if s.used > 0 {
		s.dirty[s.used-1] = s.written()
	}
	s.pos = 0
	for s.used < len(s.chunks) {
		s.used++
		if s.cur = s.chunks[s.used-1]; len(s.cur) >= n {
			return
		}
	}
	size := minChunk
	if len(s.chunks) > 0 {
		size = 2 * len(s.chunks[len(s.chunks)-1])
	}
	s.cur = make([]T, max(n, size))
	s.chunks = append(s.chunks, s.cur)
	s.dirty = append(s.dirty, 0)
	s.used = len(s.chunks)
}

// reset clears the pieces handed out and makes the slab's memory free
// for the next file.
func (s *slab[T]) reset() {
	if s.used > 0 {
		s.dirty[s.used-1] = s.written()
	}
	for i, c := range s.chunks[:s.used] {
		clear(c[:s.dirty[i]])
		s.dirty[i] = 0
	}
	s.cur, s.used, s.pos = nil, 0, 0
}
