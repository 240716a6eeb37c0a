package style

import (
	"bytes"
	"testing"
)

// TestContains checks contains against bytes.Contains where the word's
// upper-case letter is first, last, absent, or near the ends.
func TestContains(t *testing.T) {
	for _, src := range []string{"", "isNull", "xisNully", "Null", "is Null", "isNul", "NullisNull", "sNull isNulL",
		"toPath", "to Path toPat", "builtins", "builtin", "xbuiltinsx"} {
		for _, word := range []string{"isNull", "toPath", "builtins"} {
			if got, want := contains([]byte(src), word), bytes.Contains([]byte(src), []byte(word)); got != want {
				t.Errorf("contains(%q, %q) = %v, want %v", src, word, got, want)
			}
		}
	}
}
