// Package nixpasstest loads corpora of Nix files for the benchmarks of
// the analysis passes and rules.
package nixpasstest

import (
	"go/token"
	"os"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
)

// Corpus returns the Nix files under the directory the environment
// variable env names (fallback when it is unset), each parsed and bound
// into memory of its own, and their total size in bytes.
func Corpus(tb testing.TB, env, fallback string) (*token.FileSet, []*nixpass.File, int64) {
	tb.Helper()
	dir := os.Getenv(env)
	if dir == "" {
		dir = fallback
	}
	srcs, err := nixfiles.Read(dir)
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
