package analyzer

import "sync/atomic"

const (
	// textChunkSize is the size of the chunks the walk reads texts into;
	// a file of more than a quarter of it gets memory of its own.
	textChunkSize = 64 << 10
	// textChunks is how many chunks a run makes at most: the walk is at
	// most that many chunks' worth of files (a few hundred) ahead of the
	// workers.
	textChunks = 8
)

// A textChunk is memory the walk reads the texts of consecutive files
// into. refs counts its files whose text is still in use, plus one while
// the walk is filling it; when it drops to zero the chunk is reused.
type textChunk struct {
	buf  []byte
	used int // only the walk, which fills the chunk, reads and sets it
	refs atomic.Int32
}

// textArena gives the walk memory for the texts it reads, and takes back
// the texts of the files that are done with. Most files of a large tree
// have no finding: once their findings are settled nothing reads their
// text again, and their memory is reused for the files the walk reads
// next. Memory the process has not touched yet costs a page fault per
// page when it is first written, and the kernel frees every touched page
// when the process exits: on home-manager, reading each text into fresh
// memory made a quarter of the run's page faults.
//
// The walk is much faster than the workers. With every chunk in use it
// waits for the workers to give one back, rather than read further ahead
// into fresh memory; it waits once per chunk, not once per file.
//
// The zero textArena gives every text memory of its own: a run that
// fixes files reads them all again to the end.
type textArena struct {
	cur    *textChunk // the chunk the walk is filling
	chunks int        // how many the arena has made
	// free holds the chunks given back. It has room for all of them, so
	// giving one back never waits.
	free chan *textChunk
}

func newTextArena() *textArena {
	return &textArena{free: make(chan *textChunk, textChunks)}
}

// alloc returns memory for a text of n bytes, with length 0 and capacity
// n, and the chunk it is in, or nil if it is memory of its own: for a
// large file, for a file that tells no size, or from the zero textArena.
// Only the walk calls alloc. Every chunk returned must be released once,
// or the walk may wait forever.
func (a *textArena) alloc(n int) ([]byte, *textChunk) {
	if a.free == nil || n == 0 || n > textChunkSize/4 {
		// Files that tell no size, such as those of /proc, are read by
		// growing the memory from a small start.
		return make([]byte, 0, max(n, 512)), nil
	}
	c := a.cur
	if c == nil || len(c.buf)-c.used < n {
		a.retire()
		c = a.take()
		a.cur = c
	}
	c.refs.Add(1)
	text := c.buf[c.used : c.used : c.used+n]
	c.used += n
	return text, c
}

// take returns an empty chunk for the walk to fill, holding the walk's
// reference: one given back, a new one, or, once textChunks are in use,
// the first the workers give back.
func (a *textArena) take() *textChunk {
	var c *textChunk
	select {
	case c = <-a.free:
	default:
		if a.chunks < textChunks {
			a.chunks++
			c = &textChunk{buf: make([]byte, textChunkSize)}
		} else {
			c = <-a.free
		}
	}
	c.used = 0
	c.refs.Store(1)
	return c
}

// retire drops the walk's reference to the chunk it was filling: the
// walk is done with it.
func (a *textArena) retire() {
	if a.cur != nil {
		a.release(a.cur)
		a.cur = nil
	}
}

// release drops a reference to c, the chunk of a text nothing reads any
// more (nil for a text in memory of its own). Workers call it as they
// finish files.
func (a *textArena) release(c *textChunk) {
	if c != nil && c.refs.Add(-1) == 0 {
		a.free <- c
	}
}
