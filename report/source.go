package report

import (
	"bytes"
	"unicode/utf8"
)

// redacted replaces a secret's text wherever source is shown.
const redacted = "<redacted>"

// sourceLine returns line n (1-based) of file without its newline.
func (r *Result) sourceLine(file string, n int) (string, bool) {
	if r.Source == nil || n < 1 {
		return "", false
	}
	src, ok := r.Source(file)
	if !ok {
		return "", false
	}
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return "", false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return string(bytes.TrimSuffix(src, []byte("\r"))), true
}

// span is the part [start, end) of a line a diagnostic covers, as byte
// offsets into the line, clamped to it.
func span(d *Diagnostic, line string) (start, end int) {
	start = min(max(d.Column-1, 0), len(line))
	end = len(line)
	if d.EndLine == d.Line {
		end = min(max(d.EndColumn-1, start), len(line))
	}
	return start, end
}

// maskLine returns line with the diagnostic's range masked when it is a
// secret, and the (possibly moved) span of the range.
func maskLine(d *Diagnostic, line string) (string, int, int) {
	start, end := span(d, line)
	if !d.Secret {
		return line, start, end
	}
	return line[:start] + redacted + line[end:], start, start + len(redacted)
}

// codePointColumn converts a 1-based byte column of line to a 1-based
// Unicode code point column.
func codePointColumn(line string, byteCol int) int {
	if byteCol-1 > len(line) {
		return utf8.RuneCountInString(line) + 1 + (byteCol - 1 - len(line))
	}
	return utf8.RuneCountInString(line[:max(byteCol-1, 0)]) + 1
}
