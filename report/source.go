package report

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// redacted replaces a secret's text wherever source is shown.
const redacted = "<redacted>"

// Redact returns text with every occurrence of each secret replaced by
// "<redacted>", as the excerpts of the reports show secrets. It is for
// output that shows whole texts rather than a finding's line, such as the
// diff of the fixes, whose context and changed lines may hold a secret
// found in the old text or the new one.
func Redact(text string, secrets []string) string {
	// Longer secrets first, as one may contain another; equal ones next
	// to each other, to drop the repeats.
	sorted := slices.Clone(secrets)
	slices.SortFunc(sorted, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	var pairs []string
	for i, s := range sorted {
		if s != "" && (i == 0 || s != sorted[i-1]) {
			pairs = append(pairs, s, redacted)
		}
	}
	if len(pairs) == 0 {
		return text
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// sourceLine returns line n (1-based) of file without its line break.
func (r *Result) sourceLine(file string, n int) (string, bool) {
	line, ok := r.lineBytes(file, n)
	return string(line), ok
}

// lineBytes is sourceLine's line, in the file's text.
func (r *Result) lineBytes(file string, n int) ([]byte, bool) {
	if l := r.linesOf(file); l != nil {
		return l.Line(n)
	}
	return nil, false
}

// linesOf returns the lines Source has of file, or nil, asking once per
// file: a report looks up a line or two per finding, and a file may have
// many findings.
func (r *Result) linesOf(file string) Lines {
	if l, ok := r.lines[file]; ok {
		return l
	}
	var l Lines
	if r.Source != nil {
		l = r.Source(file)
	}
	if r.lines == nil {
		r.lines = map[string]Lines{}
	}
	r.lines[file] = l
	return l
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

// excerpt returns line n of the diagnostic's file with every secret on
// it masked (the secrets of any finding, not only d's: another rule's
// excerpt of the same line must not show them), and the span of d's range
// in the masked line.
func (r *Result) excerpt(d *Diagnostic) (masked string, start, end int, ok bool) {
	line, ok := r.sourceLine(d.File, d.Line)
	if !ok {
		return "", 0, 0, false
	}
	start, end = span(d, line)
	spans := r.secretSpans(d.File, d.Line, len(line))
	if len(spans) == 0 {
		return line, start, end, true // most lines
	}
	var b strings.Builder
	last, shift := 0, 0
	newStart, newEnd := start, end
	for _, s := range spans {
		if s[0] < last {
			s[0] = last // overlapping secrets
		}
		if s[1] <= s[0] {
			continue
		}
		b.WriteString(line[last:s[0]])
		b.WriteString(redacted)
		moved := shift + len(redacted) - (s[1] - s[0])
		// A position inside a secret moves to the edge of its mask.
		if start >= s[0] && start < s[1] {
			newStart = s[0] + shift
		} else if start >= s[1] {
			newStart = start + moved
		}
		if end > s[0] && end <= s[1] {
			newEnd = s[0] + shift + len(redacted)
		} else if end > s[1] {
			newEnd = end + moved
		}
		shift, last = moved, s[1]
	}
	b.WriteString(line[last:])
	return b.String(), newStart, max(newEnd, newStart), true
}

// secretSpans returns the byte spans that secret findings cover on line
// n of file, in order; a secret spanning lines covers the rest of its
// first line, its middle lines whole, and the start of its last line.
func (r *Result) secretSpans(file string, n, lineLen int) [][2]int {
	var spans [][2]int
	for _, i := range r.secretsIn(file) {
		d := &r.Diagnostics[i]
		if n < d.Line || n > max(d.EndLine, d.Line) {
			continue
		}
		from, to := 0, lineLen
		if n == d.Line {
			from = min(max(d.Column-1, 0), lineLen)
		}
		if n == d.EndLine {
			to = min(max(d.EndColumn-1, from), lineLen)
		}
		spans = append(spans, [2]int{from, to})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	return spans
}

// secretsIn returns the indices in r.Diagnostics of the secret findings
// in file. They are grouped by file once: every excerpt asks, and few
// findings are secrets.
func (r *Result) secretsIn(file string) []int {
	if r.secrets == nil {
		r.secrets = map[string][]int{}
		for i := range r.Diagnostics {
			if d := &r.Diagnostics[i]; d.Secret {
				r.secrets[d.File] = append(r.secrets[d.File], i)
			}
		}
	}
	return r.secrets[file]
}

// codePointColumn converts a 1-based byte column of line to a 1-based
// Unicode code point column.
func codePointColumn(line []byte, byteCol int) int {
	if byteCol-1 > len(line) {
		return utf8.RuneCount(line) + 1 + (byteCol - 1 - len(line))
	}
	return utf8.RuneCount(line[:max(byteCol-1, 0)]) + 1
}
