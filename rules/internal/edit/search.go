package edit

import (
	"bytes"
	"math/bits"
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
}

// NewWord prepares word for ContainsWord.
func NewWord(word string) Word { return Word{word, SearchByte(word)} }

// String returns the word w was made of.
func (w Word) String() string { return w.text }

// ContainsWord is Contains for a prepared word.
func ContainsWord[S string | []byte](s S, w Word) bool {
	word, at := w.text, w.at
	if word == "" {
		return true
	}
	for from := at; from < len(s); {
		i := indexByte(s[from:], word[at])
		if i < 0 {
			return false
		}
		if start := from + i - at; start+len(word) <= len(s) && hasPrefix(s[start:], word) {
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

// hasPrefix reports whether s, at least as long as word, starts with it.
func hasPrefix[S string | []byte](s S, word string) bool {
	for i := 0; i < len(word); i++ {
		if s[i] != word[i] {
			return false
		}
	}
	return true
}

// ContainsWords reports which of words s contains, as a set of bits (bit
// i for words[i]; at most 64 words): ContainsWord for each, but the
// words searched by the same byte are looked for in one pass over s, as
// a filter that looks for several words in every file of a run does.
func ContainsWords[S string | []byte](s S, words []Word) uint64 {
	var found, done uint64
	for i, w := range words {
		if done&(1<<i) != 0 {
			continue
		}
		if w.text == "" {
			found, done = found|1<<i, done|1<<i
			continue
		}
		// The words left that are searched by w's byte.
		c, group := w.text[w.at], uint64(0)
		for j := i; j < len(words); j++ {
			if v := words[j]; v.text != "" && v.text[v.at] == c {
				group |= 1 << j
			}
		}
		done |= group
		found |= containsGroup(s, words, c, group)
	}
	return found
}

// containsGroup returns the words of group (a set of bits of words, all
// searched by the byte c) that s contains.
func containsGroup[S string | []byte](s S, words []Word, c byte, group uint64) uint64 {
	if group&(group-1) == 0 { // one word
		if j := bits.TrailingZeros64(group); ContainsWord(s, words[j]) {
			return group
		}
		return 0
	}
	var found uint64
	for from := 0; from < len(s) && found != group; {
		i := indexByte(s[from:], c)
		if i < 0 {
			break
		}
		at := from + i
		for left := group &^ found; left != 0; left &= left - 1 {
			j := bits.TrailingZeros64(left)
			w := words[j]
			if start := at - w.at; start >= 0 && start+len(w.text) <= len(s) && hasPrefix(s[start:], w.text) {
				found |= 1 << j
			}
		}
		from = at + 1
	}
	return found
}
