package edit

// Escapable is a set of bytes an escape of a Nix string may stand for:
// the bytes of some words a prefilter looks for in strings' values, but
// n, r and t, whose escapes (\n in both kinds of string) stand for
// control characters. A value holds a byte of the set that its source
// does not spell at the same place only through such an escape: every
// other byte of a value is a byte of its source (indentation stripping
// and the CR LF to LF rewrite remove bytes only next to a line feed).
type Escapable [256]bool

// EscapableIn returns the bytes of words an escape may stand for.
func EscapableIn(words ...string) *Escapable {
	var set Escapable
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			set[w[i]] = true
		}
	}
	set['n'], set['r'], set['t'] = false, false, false
	return &set
}

// Escapes reports whether src has a backslash followed by a byte of set:
// "\x" in a "…" string, and two quotes then \x in an indented one, spell
// x. A source without one spells the words set was made of, in any
// string's value, only literally: searching src for them is enough.
func Escapes(src []byte, set *Escapable) bool {
	for from := 0; ; {
		i := indexByte(src[from:], '\\')
		if i < 0 {
			return false
		}
		from += i + 1
		if from < len(src) && set[src[from]] {
			return true
		}
	}
}

// A Spelling is words a prefilter looks for in the values of a file's
// strings or in its attribute names, written literally or with escapes.
type Spelling struct {
	words   *Words
	escapes *Escapable
}

// NewSpelling prepares words (64 at most) for MayHold.
func NewSpelling(words ...string) *Spelling {
	return &Spelling{words: NewWords(words...), escapes: EscapableIn(words...)}
}

// MayHold reports whether the Nix source src may spell one of s's words
// in a string or a name: it contains one, or escapes one of their bytes.
// A source without either needs no walk of its strings or names.
func (s *Spelling) MayHold(src []byte) bool {
	return s.words.In(src) != 0 || Escapes(src, s.escapes)
}
