package edit

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
)

// Contains reports whether s contains word, as strings.Contains does,
// for the prefilters of rules that skip text which cannot hold what they
// look for. It searches for the byte of word least frequent in Nix code
// (its first upper-case letter, else its first underscore, else its
// first dash, else its first byte) instead of its first byte: looking
// for isNull, ghp_ or home-manager from i, g or h stops at nearly every
// word.
func Contains[S string | []byte](s S, word string) bool {
	return ContainsWord(s, NewWord(word))
}

// A Word is a word prepared for ContainsWord: the byte it is searched
// by is found once, for words searched in many texts (every string of
// a file).
type Word struct {
	text string
	at   int // SearchByte(text)
	// check is the index of the byte compared first where the search
	// byte is found, one next to it: in most places a frequent search
	// byte (the dash of home-manager) is found, the word is told absent
	// by that byte alone, without comparing it whole.
	check int
}

// NewWord prepares word for ContainsWord.
func NewWord(word string) Word {
	at := SearchByte(word)
	check := at + 1
	if check == len(word) {
		check = max(at-1, 0)
	}
	return Word{word, at, check}
}

// isAt reports whether src holds w from its index start.
func (w *Word) isAt(src []byte, start int) bool {
	return start >= 0 && start+len(w.text) <= len(src) && src[start+w.check] == w.text[w.check] &&
		string(src[start:start+len(w.text)]) == w.text
}

// String returns the word w was made of.
func (w Word) String() string { return w.text }

// ContainsWord is Contains for a prepared word.
func ContainsWord[S string | []byte](s S, w Word) bool {
	if src, ok := any(s).([]byte); ok {
		return w.in(src)
	}
	return strings.Contains(string(s), w.text)
}

// in reports whether src contains w. The searches of sources, the
// prefilters' (a search byte may be found thousands of times in a run),
// are of []byte, in code of their own rather than generic code, which
// told the two kinds of text apart at each byte found.
func (w *Word) in(src []byte) bool {
	if w.text == "" {
		return true
	}
	c := w.text[w.at]
	for from := w.at; from < len(src); {
		i := bytes.IndexByte(src[from:], c)
		if i < 0 {
			return false
		}
		if w.isAt(src, from+i-w.at) {
			return true
		}
		from += i + 1
	}
	return false
}

// SearchByte returns the index of the byte of word Contains searches
// for, the one least frequent in Nix code.
func SearchByte(word string) int {
	for i := 0; i < len(word); i++ {
		if 'A' <= word[i] && word[i] <= 'Z' {
			return i
		}
	}
	if i := strings.IndexByte(word, '_'); i >= 0 {
		return i
	}
	return max(strings.IndexByte(word, '-'), 0)
}

func indexByte[S string | []byte](s S, c byte) int {
	switch s := any(s).(type) {
	case string:
		return strings.IndexByte(s, c)
	case []byte:
		return bytes.IndexByte(s, c)
	}
	return -1
}

// Words are words a filter looks for together in many texts (a source
// prefilter, in every file of a run), prepared once: those searched by
// the same byte are looked for in one pass over a text.
type Words struct {
	list   []Word
	groups []wordGroup
	empty  uint64 // the bits of empty words, which every text contains
}

// A wordGroup is the words of a Words searched by one byte.
type wordGroup struct {
	c     byte   // their search byte
	words uint64 // their bits
}

// NewWords prepares words (64 at most) for In.
func NewWords(words ...string) *Words {
	ws := &Words{}
	for i, text := range words {
		w := NewWord(text)
		ws.list = append(ws.list, w)
		if text == "" {
			ws.empty |= 1 << i
			continue
		}
		c := text[w.at]
		j := slices.IndexFunc(ws.groups, func(g wordGroup) bool { return g.c == c })
		if j < 0 {
			j = len(ws.groups)
			ws.groups = append(ws.groups, wordGroup{c: c})
		}
		ws.groups[j].words |= 1 << i
	}
	return ws
}

// In reports which of ws src contains, as a set of bits (bit i for the
// i-th word): ContainsWord for each, but the words searched by the same
// byte are looked for in one pass over src.
func (ws *Words) In(src []byte) uint64 {
	found := ws.empty
	for _, g := range ws.groups {
		found |= ws.groupIn(src, g)
	}
	return found
}

// groupIn returns the words of g that src contains.
func (ws *Words) groupIn(src []byte, g wordGroup) uint64 {
	if g.words&(g.words-1) == 0 { // one word
		if ws.list[bits.TrailingZeros64(g.words)].in(src) {
			return g.words
		}
		return 0
	}
	var found uint64
	for from := 0; from < len(src) && found != g.words; {
		i := bytes.IndexByte(src[from:], g.c)
		if i < 0 {
			break
		}
		at := from + i
		for left := g.words &^ found; left != 0; left &= left - 1 {
			j := bits.TrailingZeros64(left)
			if w := &ws.list[j]; w.isAt(src, at-w.at) {
				found |= 1 << j
			}
		}
		from = at + 1
	}
	return found
}
