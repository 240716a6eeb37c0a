package security

import (
	"strings"

	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// nameSet is a table of library names (targets of nixmatch.Refers) with
// the last names they end in, so that the name of every call of a file
// is compared with the few targets ending like it rather than with all.
type nameSet struct {
	targets []string
	lasts   map[string]bool
	// lens has bit i set when a last name is i bytes long (i < 64): most
	// names are told apart by their length, without hashing them.
	lens uint64
}

func newNameSet(targets ...string) nameSet {
	s := nameSet{targets: targets, lasts: map[string]bool{}}
	for _, t := range targets {
		last := t[strings.LastIndexByte(t, '.')+1:]
		s.lasts[last] = true
		s.lens |= lengthBit(last)
	}
	return s
}

// lengthBit returns the bit of lens for name, the last one for names of
// 63 bytes or more.
func lengthBit(name string) uint64 { return 1 << min(len(name), 63) }

// find returns the first target n refers to.
func (s *nameSet) find(n nixmatch.Name) (string, bool) {
	last := n.Last()
	if s.lens&lengthBit(last) == 0 || !s.lasts[last] {
		return "", false
	}
	for _, t := range s.targets {
		if n.Refers(t) {
			return t, true
		}
	}
	return "", false
}
