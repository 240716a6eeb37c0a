package edit

import "strings"

// Abbrev shortens source text quoted in a message: to its first line and
// to max characters, marking the cut with "…".
func Abbrev(s string, max int) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	if r := []rune(s); len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}
