package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPolicy reads the collector's percent and memory limit without
// changing them.
func gcPolicy() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// restoreGC puts back Go's defaults after a test changed them.
func restoreGC() {
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
}

// TestTuneGC checks the audit's collector policy: no collection until
// firstCollectionHeap, then auditGCPercent with no limit; and that GOGC or
// GOMEMLIMIT in the environment take precedence.
func TestTuneGC(t *testing.T) {
	defer restoreGC()

	t.Setenv("GOGC", "50")
	tuneGC()
	if p, l := gcPolicy(); p != 100 || l != math.MaxInt64 {
		t.Errorf("with GOGC set: percent %d, limit %d; want both left alone", p, l)
	}

	unsetenv(t, "GOGC")
	t.Setenv("GOMEMLIMIT", "1GiB")
	tuneGC()
	if p, l := gcPolicy(); p != auditGCPercent || l != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set: percent %d, limit %d; want %d and the limit left alone", p, l, auditGCPercent)
	}

	restoreGC()
	unsetenv(t, "GOMEMLIMIT")
	tuneGC()
	if p, l := gcPolicy(); p != -1 || l != firstCollectionHeap {
		t.Fatalf("before the first collection: percent %d, limit %d; want -1 and %d", p, l, firstCollectionHeap)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		if p, l := gcPolicy(); p == auditGCPercent && l == math.MaxInt64 {
			break
		}
		if time.Now().After(deadline) {
			p, l := gcPolicy()
			t.Fatalf("after collections: percent %d, limit %d; want %d and no limit", p, l, auditGCPercent)
		}
		time.Sleep(time.Millisecond)
	}
}

// unsetenv removes key from the environment for the rest of the test.
func unsetenv(t *testing.T, key string) {
	t.Setenv(key, "") // restores the old value when the test ends
	os.Unsetenv(key)
}
