package analyzer

import (
	"math/bits"
	"sync"
)

// buffers recycles the memory of the sources a run does not keep. The
// walk reads every file into a buffer from it, and a worker gives a
// file's buffer back when nothing will look at the text again (a file
// without findings or suppressions, which no project-wide rule keeps).
// On a tree of thousands of files most sources are such, and memory that
// is used again costs no page faults, which on a run without garbage
// collection cost as much as reading the files.
//
// Buffers come in classes of powers of two; each class keeps at most
// maxFree free buffers. It is safe for concurrent use.
type buffers struct {
	mu   sync.Mutex
	free [numBufferClasses][][]byte
}

const (
	// minBufferBits and maxBufferBits bound the recycled sizes: 1 KiB to
	// 256 KiB; larger sources get memory of their own.
	minBufferBits    = 10
	maxBufferBits    = 18
	numBufferClasses = maxBufferBits - minBufferBits + 1
	// maxFree bounds the memory a pool holds when buffers come back
	// faster than the walk takes them.
	maxFree = 64
)

// bufferClass returns the class of buffers holding size bytes, and false
// if the size is not recycled.
func bufferClass(size int) (int, bool) {
	c := max(bits.Len(uint(size-1)), minBufferBits) - minBufferBits
	return c, size > 0 && c < numBufferClasses
}

// get returns an empty buffer with room for at least size bytes: new
// memory if b is nil.
func (b *buffers) get(size int) []byte {
	c, ok := bufferClass(size)
	if b == nil || !ok {
		return make([]byte, 0, max(size, 512))
	}
	b.mu.Lock()
	if free := b.free[c]; len(free) > 0 {
		buf := free[len(free)-1]
		b.free[c] = free[:len(free)-1]
		b.mu.Unlock()
		return buf[:0]
	}
	b.mu.Unlock()
	return make([]byte, 0, 1<<(c+minBufferBits))
}

// put gives buf back. The caller must hold no other reference to its
// memory, and nothing it handed buf to may either.
func (b *buffers) put(buf []byte) {
	c, ok := bufferClass(cap(buf))
	if !ok || cap(buf) != 1<<(c+minBufferBits) {
		return // not one of ours
	}
	b.mu.Lock()
	if len(b.free[c]) < maxFree {
		b.free[c] = append(b.free[c], buf[:0])
	}
	b.mu.Unlock()
}
