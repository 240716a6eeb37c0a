package scope

import "testing"

// TestIsGlobal checks every global (Nix 2.8's and modern Nix's) against
// IsGlobal, whose filter by nameBit must let each of them through, and
// names that are no global, some sharing a global's length and ends.
func TestIsGlobal(t *testing.T) {
	for _, names := range [][]string{builtinNames[:], modernNames[:]} {
		for _, n := range names {
			if !IsGlobal(n) {
				t.Errorf("IsGlobal(%q) = false, want true", n)
			}
		}
	}
	for _, n := range []string{"", "x", "lib", "mkIf", "tree", "nul", "nulll", "__", "__foo", "_map", "maps", "builtin", "Import"} {
		if IsGlobal(n) {
			t.Errorf("IsGlobal(%q) = true, want false", n)
		}
	}
	if !IsModernGlobal("__warn") || IsModernGlobal("map") {
		t.Error("IsModernGlobal: __warn must be modern, map not")
	}
}
