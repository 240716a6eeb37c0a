package analyzer

import "sync/atomic"

const (
	// textChunkSize is the size of the chunks the walk reads texts into;
	// a file read when less than a quarter of its chunk is free goes
	// into the next chunk (see textArena.room).
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
// The zero textArena has no chunks: a run that fixes files reads them
// all again to the end, and gives each text memory of its own.
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

// chunked reports whether a reads texts into chunks (it is not the zero
// textArena).
func (a *textArena) chunked() bool { return a.free != nil }

// room returns the free memory of the chunk the walk is filling, at
// least textChunkSize/4 bytes, for the walk to read a file of unknown
// size into; commit then keeps what it read. Only the walk calls room
// and commit, of a chunked textArena.
func (a *textArena) room() []byte {
	if c := a.cur; c == nil || len(c.buf)-c.used < textChunkSize/4 {
		a.retire()
		a.cur = a.take()
	}
	c := a.cur
	return c.buf[c.used:]
}

// commit keeps the first n bytes of the last room as a text, which it
// returns with its chunk. Every chunk returned must be released once, or
// the walk may wait forever.
func (a *textArena) commit(n int) ([]byte, *textChunk) {
	c := a.cur
	c.refs.Add(1)
	text := c.buf[c.used : c.used+n : c.used+n]
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
