package edit

import (
	"strings"
	"testing"
)

// TestContains checks Contains against strings.Contains, for words
// searched from their first, middle and last bytes, found at the ends, in
// the middle, partly, or not at all.
func TestContains(t *testing.T) {
	srcs := []string{"", "isNull", "xisNully", "Null", "is Null", "isNul", "NullisNull", "sNull isNulL", "toPath",
		"to Path toPat", "builtins", "builtin", "xbuiltinsx", "gh_ ghp_x", "hp_", "-----BEGIN x", "----BEGIN ", "BEGIN -----BEGIN ",
		"home-manager", "home- home-manage home-manager", "-home-manager-", "clan-core", "lan-core clan-cor", "clan-core.x",
		"V V stateVersio V stateVersionX", "a.stateVersion", "tateVersion = 1;"}
	words := []string{"isNull", "toPath", "builtins", "ghp_", "-----BEGIN ", "home-manager", "clan-core", "stateVersion", "x", ""}
	for _, src := range srcs {
		for _, word := range words {
			want := strings.Contains(src, word)
			if got := Contains(src, word); got != want {
				t.Errorf("Contains(%q, %q) = %v, want %v", src, word, got, want)
			}
			if got := Contains([]byte(src), word); got != want {
				t.Errorf("Contains([]byte(%q), %q) = %v, want %v", src, word, got, want)
			}
		}
	}
}

func BenchmarkContains(b *testing.B) {
	src := strings.Repeat("a string with interesting text in it ", 20)
	b.ReportAllocs()
	for b.Loop() {
		Contains(src, "ghp_")
		Contains([]byte(src[:100]), "isNull")
	}
}
