//go:build unix

package cputime

import "testing"

func TestSinceCountsWork(t *testing.T) {
	start := Now()
	if start <= 0 {
		t.Fatalf("Now() = %v, want the CPU time used so far", start)
	}
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	if d := Since(start); d <= 0 {
		t.Errorf("Since after a busy loop (%d) = %v, want > 0", x, d)
	}
}
