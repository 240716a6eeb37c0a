package deadcode

import (
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// TestLivenessInReusedMemory checks each file's liveness (what is live
// and alive, which definitions lie in dead code) computed in the memory of
// released ones against the liveness computed in memory of its own.
func TestLivenessInReusedMemory(t *testing.T) {
	u := underscore{skip: true}
	ruletest.InReusedMemory(t, "..", func(_ *token.FileSet, f *nixpass.File) string {
		return describeLiveness(f, livenessOf(f, u))
	})
}

// describeLiveness renders, for each definition of f, whether l finds
// it live, alive and in dead code.
func describeLiveness(f *nixpass.File, l *liveness) string {
	var b strings.Builder
	for i, d := range f.Info.Defs {
		fmt.Fprintf(&b, "%s@%d live=%v alive=%v dead-code=%v\n", d.Name, f.Offset(defName(d).Pos()), l.Live(i), l.alive[i], l.InDeadCode(defName(d)))
	}
	return b.String()
}
