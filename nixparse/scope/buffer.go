package scope

// buffer cuts short slices (a scope's definitions, a set's attributes, a
// with's list of enclosing withs) from one backing array, so that they
// cost no allocation each. When the array is full a larger one replaces
// it; reset keeps the last, largest one for the next file.
type buffer[T any] struct{ buf []T }

// cut returns a slice of n values, exclusively the caller's (its
// capacity is n).
func (b *buffer[T]) cut(n int) []T {
	if n > cap(b.buf)-len(b.buf) {
		b.buf = make([]T, 0, max(n, 2*cap(b.buf), slabFirst))
	}
	start := len(b.buf)
	b.buf = b.buf[:start+n]
	return b.buf[start : start+n : start+n]
}

// appendTo is append(s, v) that, when s is full, moves s to a slice
// twice as long cut from b instead of the heap.
func (b *buffer[T]) appendTo(s []T, v T) []T {
	if len(s) == cap(s) {
		s = b.moved(s)
	}
	return append(s, v)
}

// moved returns s copied to the start of a slice cut from b, with room
// for twice len(s)+1 values.
func (b *buffer[T]) moved(s []T) []T {
	return append(b.cut(2*len(s) + 2)[:0], s...)
}

func (b *buffer[T]) reset() { b.buf = b.buf[:0] }
