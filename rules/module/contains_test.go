package module

import (
	"bytes"
	"testing"
)

// TestContainsAround checks the search from a rare byte against
// bytes.Contains, at the edges of the source and with false starts.
func TestContainsAround(t *testing.T) {
	words := []struct {
		word   string
		anchor int
	}{{"stateVersion", 5}, {"home-manager", 4}, {"clan-core", -1}}
	srcs := []string{"", "stateVersion", "xstateVersion", "stateVersio", "tateVersion = 1;", "a.stateVersion",
		"V V stateVersio V stateVersionX", "home-manager", "home- home-manage home-manager", "-home-manager-",
		"clan-core", "lan-core clan-cor", "clan-core.x"}
	for _, w := range words {
		for _, src := range srcs {
			got := containsAround([]byte(src), w.word, w.anchor)
			if want := bytes.Contains([]byte(src), []byte(w.word)); got != want {
				t.Errorf("containsAround(%q, %q, %d) = %v, want %v", src, w.word, w.anchor, got, want)
			}
		}
	}
}
