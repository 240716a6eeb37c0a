package report

import (
	"bytes"
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
	t := r.text(file)
	if t == nil || n < 1 || n > len(t.starts) || t.starts[n-1] > len(t.src) {
		return nil, false
	}
	end := len(t.src)
	if n < len(t.starts) {
		end = min(max(t.starts[n], t.starts[n-1]), end)
	}
	line := bytes.TrimSuffix(t.src[t.starts[n-1]:end], newline)
	return bytes.TrimSuffix(line, []byte("\r")), true
}

// sourceText is a file's text and the offsets at which its lines start.
type sourceText struct {
	src    []byte
	starts []int
}

// text returns the text of file, or nil when Source has none, and its
// line starts, found once per file: a report looks up a line or two per
// finding, and a file may have many findings. They come from LineStarts
// when it knows the file.
func (r *Result) text(file string) *sourceText {
	if t, ok := r.texts[file]; ok {
		return t
	}
	var t *sourceText
	if r.Source != nil {
		if src, ok := r.Source(file); ok {
			t = &sourceText{src: src}
			if r.LineStarts != nil {
				t.starts, _ = r.LineStarts(file)
			}
			if len(t.starts) == 0 {
				t.starts = lineStarts(src)
			}
		}
	}
	if r.texts == nil {
		r.texts = map[string]*sourceText{}
	}
	r.texts[file] = t
	return t
}

// lineStarts returns the offsets at which the lines of src start, each
// ended by an LF.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, newline)+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

var newline = []byte{'\n'}

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
	var b strings.Builder
	last, shift := 0, 0
	newStart, newEnd := start, end
	for _, s := range r.secretSpans(d.File, d.Line, len(line)) {
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
