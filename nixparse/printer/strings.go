package printer

import (
	"go/token"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// segment is a literal run of a string or path between interpolations, as
// source text, or an interpolation.
type segment struct {
	text   string
	interp *ast.Interpolation
}

// segments splits the source between from and to at the interpolations
// of parts.
func (p *printer) segments(from, to token.Pos, parts []ast.StringPart) []segment {
	var segs []segment
	at := from
	for _, part := range parts {
		in, ok := part.(*ast.Interpolation)
		if !ok {
			continue
		}
		if in.Dollar > at {
			segs = append(segs, segment{text: p.source(at, in.Dollar)})
		}
		segs = append(segs, segment{interp: in})
		at = in.End()
	}
	if to > at {
		segs = append(segs, segment{text: p.source(at, to)})
	}
	return segs
}

func (p *printer) source(from, to token.Pos) string {
	return string(p.f.Src[p.f.Offset(from):p.f.Offset(to)])
}

// concat prints a string or path: its only item, or the concatenation of
// its items.
func (p *printer) concat(items []item, isConcat bool) {
	if !isConcat {
		p.item(items[0])
		return
	}
	p.str("(")
	for i, it := range items {
		if i > 0 {
			p.str(" + ")
		}
		p.item(it)
	}
	p.str(")")
}

// stringParts returns the parts of a string as Nix 2.8 builds them, and
// whether they form a concatenation.
func (p *printer) stringParts(s *ast.StringExpr) ([]item, bool) {
	if s.Indented {
		return p.indentedParts(s)
	}
	segs := p.segments(s.Open+1, s.Close, s.Parts)
	items := make([]item, 0, len(segs))
	interpolated := false
	for _, seg := range segs {
		if seg.interp != nil {
			interpolated = true
			items = append(items, item{e: seg.interp.X})
			continue
		}
		items = append(items, item{text: scope.QuoteString(unescape(seg.text))})
	}
	if len(items) == 0 {
		return []item{{text: `""`}}, false
	}
	return items, interpolated
}

// unescape decodes a "…" string run as Nix 2.8's unescapeStr: \n, \r and
// \t, any other escaped byte stands for itself, a CR or CRLF becomes LF,
// and a NUL byte ends the string.
func unescape(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == 0:
			return b.String()
		case c == '\\' && i+1 < len(raw):
			i++
			switch raw[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 0:
				return b.String()
			default:
				b.WriteByte(raw[i])
			}
		case c == '\r':
			b.WriteByte('\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
