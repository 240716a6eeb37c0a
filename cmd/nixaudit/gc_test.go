package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestTuneGC checks that the audit's GC target applies unless GOGC is set.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "50")
	tuneGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, the GC percent became %d, want it left at 100", got)
	}
	os.Unsetenv("GOGC") // t.Setenv restores it
	tuneGC()
	if got := debug.SetGCPercent(100); got != auditGCPercent {
		t.Errorf("without GOGC, the GC percent is %d, want %d", got, auditGCPercent)
	}
}
