package report

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// An excerpt of a long line (a generated or minified file's) shows the
// range with some context on each side rather than the whole line.
const (
	longLine       = 200 // bytes past which a line is clipped
	excerptContext = 40  // characters kept on each side of the range
	excerptRange   = 100 // characters of a longer range shown
	clipMark       = "..."
)

// clipExcerpt returns what an excerpt shows of line, whose range is
// line[start:end], and the range in it: line itself when it is short,
// else the range (its first excerptRange characters) between at most
// excerptContext characters on each side, with "..." where it was cut.
func clipExcerpt(line string, start, end int) (string, int, int) {
	if len(line) <= longLine {
		return line, start, end
	}
	end = start + runesPrefix(line[start:end], excerptRange)
	from := start
	for n := 0; from > 0 && n < excerptContext; n++ {
		_, size := utf8.DecodeLastRuneInString(line[:from])
		from -= size
	}
	to := end + runesPrefix(line[end:], excerptContext)
	prefix, suffix := "", ""
	if from > 0 {
		prefix = clipMark
	}
	if to < len(line) {
		suffix = clipMark
	}
	shift := len(prefix) - from
	return prefix + line[from:to] + suffix, start + shift, end + shift
}

// runesPrefix is the length in bytes of the first n characters of s (all
// of s when it has fewer).
func runesPrefix(s string, n int) int {
	i := 0
	for ; i < len(s) && n > 0; n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// cellWidth is how many terminal cells r takes: two for East Asian wide
// and fullwidth characters (most emoji among them), none for combining
// marks and the zero-width joiner, one otherwise.
func cellWidth(r rune) int {
	if r < 0x300 { // before the combining marks: ASCII, Latin
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200d' {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// appendIndentLike appends blanks as wide on a terminal as prefix: its
// tabs, and a space for each cell of its other characters.
func appendIndentLike(dst []byte, prefix string) []byte {
	for _, r := range prefix {
		if r == '\t' {
			dst = append(dst, '\t')
			continue
		}
		dst = appendBlanks(dst, cellWidth(r))
	}
	return dst
}

// appendUnderline appends carets under s, one per cell, at least one.
func appendUnderline(dst []byte, s string) []byte {
	n := 0
	for _, r := range s {
		n += cellWidth(r)
	}
	for range max(n, 1) {
		dst = append(dst, '^')
	}
	return dst
}
