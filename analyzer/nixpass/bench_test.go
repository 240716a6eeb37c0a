package nixpass_test

import (
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/analyzer/nixpass/nixpasstest"
)

// BenchmarkNewInspector builds and releases the node index of every Nix
// file under NIXPASS_BENCH_DIR (by default the repository's testdata),
// parsed beforehand, as the driver does once per file, e.g.
//
//	NIXPASS_BENCH_DIR=/path/to/home-manager go test ./analyzer/nixpass \
//	    -run '^$' -bench NewInspector -benchmem -cpu 1 -count 5
func BenchmarkNewInspector(b *testing.B) {
	_, files, size := nixpasstest.Corpus(b, "NIXPASS_BENCH_DIR", "../../testdata")
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			nixpass.NewInspector(f.File).Release()
		}
	}
}
