// Package pool keeps the memory of the per-file results rules memoize
// on a nixpass.File for the next file. The driver calls
// nixpass.File.ReleaseMemo once a file loaded into reused memory is done
// with, which releases every memoized value with a Release method: a
// *Slice memoized as a file's result gives its memory back then, and a
// run that memoizes a slice for thousands of files allocates it a few
// times only. A file never released (one loaded with nixpass.Load) just
// keeps its slice.
package pool

import (
	"slices"
	"sync"
)

// Slices lends the Slices of T. The zero Slices is ready; declare one
// per result, as a package-level variable.
type Slices[T any] struct{ free sync.Pool }

// A Slice is a slice of T memoized as a file's result, with the pool its
// memory returns to.
type Slice[T any] struct {
	items []T
	from  *Slices[T]
}

// Get returns an empty Slice, in the memory of a released one when
// there is one.
func (p *Slices[T]) Get() *Slice[T] {
	if s, ok := p.free.Get().(*Slice[T]); ok {
		return s
	}
	return &Slice[T]{from: p}
}

// Append appends items to s.
func (s *Slice[T]) Append(items ...T) { s.items = append(s.items, items...) }

// Items returns the items of s, clipped so that appending to them
// copies them, or nil when there are none. They are valid until s is
// released.
func (s *Slice[T]) Items() []T {
	if len(s.items) == 0 {
		return nil
	}
	return slices.Clip(s.items)
}

// Release gives s's memory back to its pool, clearing it first so that
// the pool keeps no file's tree alive; s must not be used afterwards.
// nixpass.File.ReleaseMemo calls it.
func (s *Slice[T]) Release() {
	clear(s.items)
	s.items = s.items[:0]
	s.from.free.Put(s)
}
