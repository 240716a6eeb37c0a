package security

import (
	"strings"

	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// nameSet is a table of library names (targets of nixmatch.Refers) with
// the last names they end in, so that the name of every call of a file
// is compared with the few targets ending like it rather than with all
// (most names are told apart by the table without hashing them).
type nameSet struct {
	targets []string
	lasts   *nixmatch.NameTable[bool]
}

func newNameSet(targets ...string) nameSet {
	lasts := map[string]bool{}
	for _, t := range targets {
		lasts[t[strings.LastIndexByte(t, '.')+1:]] = true
	}
	return nameSet{targets: targets, lasts: nixmatch.NewNameTable(lasts)}
}

// find returns the first target n refers to.
func (s *nameSet) find(n nixmatch.Name) (string, bool) {
	if _, ok := s.lasts.Get(n.Last()); !ok {
		return "", false
	}
	for _, t := range s.targets {
		if n.Refers(t) {
			return t, true
		}
	}
	return "", false
}
