package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// writeIndented writes v to w as an encoding/json Encoder with
// SetIndent("", "  ") does, byte for byte, at a fraction of the cost: the
// Encoder indents with its general JSON scanner, a step per byte that
// costs several times the encoding itself, where json.Marshal's output,
// valid and compact, only needs its strings skipped.
//
// The indented text is written in chunks of about 32 KiB: a SARIF log
// of a large tree is megabytes, and a buffer for all of it would be
// fresh memory (page faults) in the serial part of a run.
func writeIndented(w io.Writer, v any) error {
	compact, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var werr error
	flush := func(b []byte) []byte {
		if werr == nil {
			_, werr = w.Write(b)
		}
		return b[:0]
	}
	out := indent(make([]byte, 0, 2*jsonChunk), compact, flush)
	flush(append(out, '\n'))
	return werr
}

// appendIndented appends to dst the compact JSON src indented as
// json.Indent(dst, src, "", "  ") does: a value of an object or array per
// line, empty ones kept as {} and [], a space after each colon.
func appendIndented(dst, src []byte) []byte { return indent(dst, src, nil) }

// indent is appendIndented that, with flush, hands dst to flush and goes
// on with what it returns whenever dst holds jsonChunk bytes at the end
// of a member.
func indent(dst, src []byte, flush func([]byte) []byte) []byte {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			end := stringEnd(src, i)
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			dst = appendNewline(dst, depth)
		case '}', ']':
			depth--
			dst = appendNewline(dst, depth)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			if flush != nil && len(dst) >= jsonChunk {
				dst = flush(dst)
			}
			dst = appendNewline(dst, depth)
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// stringEnd returns the offset just past the JSON string that starts
// with the quote at src[start]: its first quote not escaped by an odd
// number of backslashes.
func stringEnd(src []byte, start int) int {
	i := start + 1
	for {
		j := bytes.IndexByte(src[i:], '"')
		if j < 0 {
			return len(src) // not valid JSON; json.Marshal never gives it
		}
		i += j
		backslashes := 0
		for k := i - 1; k > start && src[k] == '\\'; k-- {
			backslashes++
		}
		if backslashes%2 == 0 {
			return i + 1
		}
		i++
	}
}

func appendNewline(dst []byte, depth int) []byte {
	dst = append(dst, '\n')
	for range depth {
		dst = append(dst, ' ', ' ')
	}
	return dst
}
