package deadcode

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/internal/nixfiles"
)

// TestLivenessInReusedMemory computes the liveness of the Nix files of
// every rule package's testdata one after another in the memory of the
// last file's, as the driver's releases make it, and checks each against
// the liveness computed in memory of its own: what is live and alive,
// and which definitions lie in dead code.
func TestLivenessInReusedMemory(t *testing.T) {
	srcs, err := nixfiles.Read("..") // rules/
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 100 {
		t.Fatalf("only %d files under rules/: the test needs varied input", len(srcs))
	}
	fset := token.NewFileSet()
	reused := new(liveness)
	u := underscore{skip: true}
	for range 2 { // the second round reuses memory grown for all files
		for _, s := range srcs {
			f := nixpass.Load(fset, s.Path, s.Src)
			exempt := u.exempt
			want := describeLiveness(f, new(liveness).compute(f, exempt))
			if got := describeLiveness(f, reused.compute(f, exempt)); got != want {
				t.Fatalf("%s: in reused memory:\n%s\nalone:\n%s", s.Path, got, want)
			}
		}
	}
}

// describeLiveness renders, for each definition of f, whether l finds
// it live, alive and in dead code.
func describeLiveness(f *nixpass.File, l *liveness) string {
	var b strings.Builder
	for i, d := range f.Info.Defs {
		fmt.Fprintf(&b, "%s@%d live=%v alive=%v dead-code=%v\n", d.Name, defName(d).Pos(), l.Live(i), l.alive[i], l.InDeadCode(defName(d)))
	}
	return b.String()
}
