package secret

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Redact returns s as it may be shown: at most a short prefix (a known
// token marker such as ghp_, or an eighth of the value, at most four
// characters) and the length, e.g. "ghp_…(40 chars)". It never returns
// more of the value.
func Redact(s string) string {
	if m, ok := Find(s); ok && m.Start == 0 && m.End == len(s) {
		return m.Redacted
	}
	n := utf8.RuneCountInString(s) / 8
	return redact(s, min(n, 4), "")
}

func redact(s string, prefix int, kind string) string {
	if kind == "private key" {
		header, _, _ := strings.Cut(s, "\n")
		return fmt.Sprintf("%s…(%d chars)", header, utf8.RuneCountInString(s))
	}
	runes := []rune(s)
	prefix = min(prefix, len(runes))
	return fmt.Sprintf("%s…(%d chars)", string(runes[:prefix]), len(runes))
}
