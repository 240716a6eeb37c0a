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

// TestWords checks Words.In against strings.Contains for words sharing
// their search byte (the dash of home-manager and clan-core) or not,
// and the empty word.
func TestWords(t *testing.T) {
	texts := []string{"words", "", "isNull", "xisNully", "home-manager", "clan-core", "home- clan-cor home-manage",
		"a.stateVersion home-manager clan-core", "-home-manager-clan-core-", "V S M -", "Nul isNul",
		"home-managex home-manager", "sNull"}
	list := []string{"stateVersion", "home-manager", "isNull", "clan-core", "", "Null", "x", "-"}
	words := NewWords(list...)
	for _, s := range texts {
		var want uint64
		for i, w := range list {
			if strings.Contains(s, w) {
				want |= 1 << i
			}
		}
		if got := words.In([]byte(s)); got != want {
			t.Errorf("Words.In(%q) = %b, want %b", s, got, want)
		}
	}
}

// TestEscapes checks that Escapes finds the escapes that may spell a
// byte of the words, in both kinds of string, and no other.
func TestEscapes(t *testing.T) {
	set := EscapableIn("AKIA", "ghp_", "github_pat_")
	for src, want := range map[string]bool{
		``:                      false,
		`"AKIA"`:                false,
		`"a\nb\tc\rd\"e\\f\${"`: false,
		`''a ''\n b ''\t''`:     false,
		`"AK\IA"`:               true,
		`''AK''\IA''`:           true,
		`"gh\p_"`:               true,
		`"github\_pat_"`:        true,
		`"\g"`:                  true,
		`"a\`:                   false, // a backslash that ends the source
		`"x\\"`:                 false,
		`"x\\A"`:                true, // "\\" then A: conservatively an escape of A
	} {
		if got := Escapes([]byte(src), set); got != want {
			t.Errorf("Escapes(%s) = %v, want %v", src, got, want)
		}
	}
	if set['n'] || set['t'] || !set['_'] || !set['A'] || set['B'] {
		t.Errorf("EscapableIn: wrong set")
	}
}
