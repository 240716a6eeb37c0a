// Package nixfiles reads the .nix files of a directory tree, for the
// tests and benchmarks that run over a corpus (NIXPARSE_BENCH_DIR and
// the like).
package nixfiles

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one .nix file: its path and contents.
type File struct {
	Path string
	Src  []byte
}

// Read returns the .nix files under dir in lexical order of their paths.
// A tree without any is an error, as a corpus that is not there would
// otherwise measure nothing.
func Read(dir string) ([]File, error) {
	var files []File
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".nix") {
			return err
		}
		src, err := os.ReadFile(path)
		files = append(files, File{path, src})
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .nix files under %s", dir)
	}
	return files, nil
}

// Dir returns the directory the environment variable env names, or
// fallback when it is unset: how a benchmark finds its corpus.
func Dir(env, fallback string) string {
	if dir := os.Getenv(env); dir != "" {
		return dir
	}
	return fallback
}

// Size returns the total size of files' contents.
func Size(files []File) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.Src))
	}
	return n
}
