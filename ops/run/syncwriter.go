package run

import (
	"io"
	"sync"
)

// syncWriter serializes the writes to one writer.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// SyncWriter returns w made safe for concurrent use: an operation's
// progress stream is written by its runner's commands and by its own
// per-host steps at once. Each line written with one Write stays whole.
// Nil stays nil (no progress), and a writer already wrapped is returned
// as it is.
func SyncWriter(w io.Writer) io.Writer {
	switch w.(type) {
	case nil, *syncWriter:
		return w
	}
	return &syncWriter{w: w}
}
