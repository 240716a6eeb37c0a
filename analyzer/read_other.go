//go:build !linux

package analyzer

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
)

// readFile returns the contents and permission bits of the file at path
// with one open, into new memory rather than a buffer from bufs.
func readFile(path string, _ *buffers) ([]byte, fs.FileMode, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(f); err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	return buf.Bytes(), st.Mode().Perm(), nil
}

// readIn is readFile of the file name in the open directory dir; path
// names the file. It reads into new memory, not into a buffer from bufs.
func readIn(_ *os.File, _, path string, _ *buffers) ([]byte, fs.FileMode, error) {
	return readFile(path, nil)
}

// openIn opens the directory name in the open directory dir; path names
// it.
func openIn(_ *os.File, _, path string) (*os.File, error) {
	return os.Open(path)
}
