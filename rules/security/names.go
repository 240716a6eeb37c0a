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
}

func newNameSet(targets ...string) nameSet {
	lasts := map[string]bool{}
	for _, t := range targets {
		lasts[t[strings.LastIndexByte(t, '.')+1:]] = true
	}
	return nameSet{targets, lasts}
}

// find returns the first target n refers to.
func (s nameSet) find(n nixmatch.Name) (string, bool) {
	if !s.lasts[n.Last()] {
		return "", false
	}
	for _, t := range s.targets {
		if n.Refers(t) {
			return t, true
		}
	}
	return "", false
}
