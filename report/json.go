package report

import (
	"io"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"
)

// writeJSON writes the json format:
//
//	{"version": 1, "diagnostics": [...], "summary": {...}, "statistics": {...}}
//
// indented by two spaces, byte for byte as encoding/json's MarshalIndent
// renders it from the types' json tags (TestJSONAsEncodingJSON), but
// without reflection: after the audit the report is the serial part of a
// run, and encoding/json's first use of a type costs more than the
// encoding.
func writeJSON(w io.Writer, res *Result, opts Options) error {
	j := jsonAppender{w: w, buf: make([]byte, 0, 2*jsonChunk)}
	j.begin('{')
	j.key(`"version": `)
	j.int(1)
	j.key(`"diagnostics": `)
	j.begin('[')
	for i := range res.Diagnostics {
		j.element()
		j.diagnostic(&res.Diagnostics[i])
		j.flush(jsonChunk)
	}
	j.end(']')
	j.key(`"summary": `)
	j.begin('{')
	for _, m := range []struct {
		name  string
		value int
	}{{`"files": `, res.Summary.Files}, {`"errors": `, res.Summary.Errors}, {`"warnings": `, res.Summary.Warnings}, {`"infos": `, res.Summary.Infos}} {
		j.key(m.name)
		j.int(m.value)
	}
	j.end('}')
	if opts.Statistics && len(res.Diagnostics) > 0 {
		counts := map[string]int{}
		for _, d := range res.Diagnostics {
			counts[d.Rule]++
		}
		j.key(`"statistics": `)
		j.begin('{')
		for _, rule := range slices.Sorted(maps.Keys(counts)) {
			j.element()
			j.string(rule)
			j.buf = append(j.buf, ':', ' ')
			j.int(counts[rule])
		}
		j.end('}')
	}
	j.end('}')
	j.buf = append(j.buf, '\n')
	j.flush(0)
	return j.err
}

// jsonChunk is how much JSON writeJSON gathers before writing it: the
// memory of a large report is reused rather than grown.
const jsonChunk = 32 << 10

func (j *jsonAppender) diagnostic(d *Diagnostic) {
	j.begin('{')
	j.key(`"file": `)
	j.string(d.File)
	j.position(d.Line, d.Column, d.EndLine, d.EndColumn)
	j.key(`"rule": `)
	j.string(d.Rule)
	j.key(`"category": `)
	j.string(d.Category)
	j.key(`"severity": `)
	j.string(d.Severity)
	j.key(`"message": `)
	j.string(d.Message)
	j.key(`"fixes": `)
	j.begin('[')
	for _, f := range d.Fixes {
		j.element()
		j.begin('{')
		j.key(`"description": `)
		j.string(f.Description)
		j.key(`"safe": `)
		j.bool(f.Safe)
		j.key(`"edits": `)
		j.begin('[')
		for _, e := range f.Edits {
			j.element()
			j.begin('{')
			j.position(e.Line, e.Column, e.EndLine, e.EndColumn)
			j.key(`"new_text": `)
			j.string(e.NewText)
			j.end('}')
		}
		j.end(']')
		j.end('}')
	}
	j.end(']')
	j.end('}')
}

func (j *jsonAppender) position(line, column, endLine, endColumn int) {
	j.key(`"line": `)
	j.int(line)
	j.key(`"column": `)
	j.int(column)
	j.key(`"end_line": `)
	j.int(endLine)
	j.key(`"end_column": `)
	j.int(endColumn)
}

// jsonAppender appends JSON indented as MarshalIndent(v, "", "  ")
// does: a member or element per line, empty objects and arrays as {}
// and [], a space after each colon.
type jsonAppender struct {
	w     io.Writer
	err   error // of the first failed write
	buf   []byte
	depth int
	empty bool // the innermost object or array has no member yet
}

// flush writes the buffer once it holds at least n bytes.
func (j *jsonAppender) flush(n int) {
	if len(j.buf) < n || len(j.buf) == 0 {
		return
	}
	if j.err == nil {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
}

func (j *jsonAppender) begin(open byte) {
	j.buf = append(j.buf, open)
	j.depth++
	j.empty = true
}

func (j *jsonAppender) end(close byte) {
	j.depth--
	if !j.empty {
		j.newline()
	}
	j.buf = append(j.buf, close)
	j.empty = false
}

// element starts a member or an element.
func (j *jsonAppender) element() {
	if !j.empty {
		j.buf = append(j.buf, ',')
	}
	j.empty = false
	j.newline()
}

func (j *jsonAppender) newline() {
	j.buf = append(j.buf, '\n')
	for range j.depth {
		j.buf = append(j.buf, ' ', ' ')
	}
}

// key starts a member named by quoted, its name as a JSON string with
// the colon and space after it.
func (j *jsonAppender) key(quoted string) {
	j.element()
	j.buf = append(j.buf, quoted...)
}

func (j *jsonAppender) int(n int) { j.buf = strconv.AppendInt(j.buf, int64(n), 10) }

func (j *jsonAppender) bool(b bool) { j.buf = strconv.AppendBool(j.buf, b) }

func (j *jsonAppender) string(s string) { j.buf = appendJSONString(j.buf, s) }

// jsonPlain holds the ASCII bytes a JSON string holds as they are.
var jsonPlain = func() (plain [utf8.RuneSelf]bool) {
	for b := range plain {
		plain[b] = b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return plain
}()

// appendJSONString appends s as encoding/json writes a string: <, > and
// & escaped for HTML, control characters escaped, invalid UTF-8 as
// U+FFFD, and U+2028 and U+2029 escaped for JavaScript.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonPlain[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xf])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(append(dst, s[start:i]...), '\\', 'u', '2', '0', '2', hex[c&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(dst, s[start:]...), '"')
}
