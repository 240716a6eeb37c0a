package run

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// TestSyncWriter writes lines from many goroutines into one buffer (the
// race detector checks the locking) and finds every line whole.
func TestSyncWriter(t *testing.T) {
	var buf bytes.Buffer
	w := SyncWriter(&buf)
	if SyncWriter(w) != w {
		t.Error("wrapping twice should return the same writer")
	}
	if SyncWriter(nil) != nil {
		t.Error("nil should stay nil")
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				fmt.Fprintf(w, "host%d: step %03d\n", g, i)
			}
		}()
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 800 {
		t.Fatalf("%d lines, want 800", len(lines))
	}
	for _, l := range lines {
		var g, i int
		if n, err := fmt.Sscanf(l, "host%d: step %d", &g, &i); n != 2 || err != nil {
			t.Fatalf("torn line %q", l)
		}
	}
}
