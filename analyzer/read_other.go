//go:build !linux

package analyzer

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
)

// readFile returns the contents and permission bits of the file at path
// with one open.
func readFile(path string) ([]byte, fs.FileMode, error) {
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
// names the file. Its text is in memory of its own (no chunk of texts).
func readIn(_ *os.File, _, path string, _ *textArena) ([]byte, *textChunk, fs.FileMode, error) {
	text, mode, err := readFile(path)
	return text, nil, mode, err
}

// openIn opens the directory name in the open directory dir; path names
// it.
func openIn(_ *os.File, _, path string) (*os.File, error) {
	return os.Open(path)
}

// listDir returns the entries of the open directory dir.
func listDir(dir *os.File, _ string, _ *[]byte) ([]fs.DirEntry, error) {
	return dir.ReadDir(-1)
}
