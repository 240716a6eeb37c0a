// Package nixpasstest loads corpora of Nix files for the benchmarks of
// the analysis passes and rules.
package nixpasstest

import (
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
)

// Corpus returns the Nix files under the directory the environment
// variable env names (fallback when it is unset), each parsed and bound
// into memory of its own, and their total size in bytes.
func Corpus(tb testing.TB, env, fallback string) (*token.FileSet, []*nixpass.File, int64) {
	tb.Helper()
	srcs, err := nixfiles.Read(nixfiles.Dir(env, fallback))
	if err != nil {
		tb.Fatal(err)
	}
	fset := token.NewFileSet()
	files := make([]*nixpass.File, 0, len(srcs))
	for _, s := range srcs {
		files = append(files, nixpass.Load(fset, s.Path, s.Src))
	}
	return fset, files, nixfiles.Size(srcs)
}

// Analyze calls analyze for each of files as the driver presents a file
// to the rules: without the memos of an earlier call, with the file's
// Inspector, both released afterwards.
func Analyze(files []*nixpass.File, analyze func(f *nixpass.File, in *nixpass.Inspector)) {
	for _, f := range files {
		fresh := &nixpass.File{File: f.File, Info: f.Info}
		in := nixpass.NewInspector(fresh.File)
		analyze(fresh, in)
		fresh.ReleaseMemo()
		in.Release()
	}
}
