package nixmatch

import "sync"

// A scratch lends the buffers a file's results are collected in, and
// copies the results out at their exact size: one allocation per result
// instead of the several, and the copies, of a slice grown by append.
type scratch[T any] struct{ pool sync.Pool }

// get returns an empty buffer.
func (s *scratch[T]) get() *[]T {
	if buf, ok := s.pool.Get().(*[]T); ok {
		return buf
	}
	return new([]T)
}

// keep returns a copy of *buf (nil when it is empty) and takes buf back.
func (s *scratch[T]) keep(buf *[]T) []T {
	var out []T
	if len(*buf) > 0 {
		out = make([]T, len(*buf))
		copy(out, *buf)
	}
	clear(*buf) // the buffer must not keep the file's tree alive
	*buf = (*buf)[:0]
	s.pool.Put(buf)
	return out
}
