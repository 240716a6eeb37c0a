package nixpass_test

import (
	"go/token"
	"os"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
)

// BenchmarkNewInspector builds and releases the node index of every Nix
// file under NIXPASS_BENCH_DIR (by default the repository's testdata),
// parsed beforehand, as the driver does once per file, e.g.
//
//	NIXPASS_BENCH_DIR=/path/to/home-manager go test ./analyzer/nixpass \
//	    -run '^$' -bench NewInspector -benchmem -cpu 1 -count 5
func BenchmarkNewInspector(b *testing.B) {
	dir := os.Getenv("NIXPASS_BENCH_DIR")
	if dir == "" {
		dir = "../../testdata"
	}
	srcs, err := nixfiles.Read(dir)
	if err != nil {
		b.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*nixpass.File
	for _, s := range srcs {
		files = append(files, nixpass.Load(fset, s.Path, s.Src))
	}
	b.SetBytes(nixfiles.Size(srcs))
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			nixpass.NewInspector(f.File).Release()
		}
	}
}
