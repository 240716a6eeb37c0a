package edit

import (
	"bytes"
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
