package printer

import (
	"go/token"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// indPart is one element of an indented string as Nix 2.8's lexer hands it
// to the parser: an IND_STR token's text, or an interpolation.
type indPart struct {
	text   string
	interp *ast.Interpolation
	// literal is set for runs of plain text; escapes and lone $ and '
	// end a line's indentation like interpolations do.
	literal bool
}

// indentedParts returns the parts of an ”…” string after Nix 2.8's
// stripIndentation, and whether they form a concatenation.
func (p *printer) indentedParts(s *ast.StringExpr) ([]item, bool) {
	from := s.Open + 2
	// The opening token is ''( *\n)?: a first line of spaces is part of it.
	rest := p.f.Src[p.f.Offset(from):p.f.Offset(s.Close)]
	if i := strings.IndexFunc(string(rest), func(r rune) bool { return r != ' ' }); i >= 0 && rest[i] == '\n' {
		from += token.Pos(i + 1)
	}
	var es []indPart
	for _, seg := range p.segments(from, s.Close, s.Parts) {
		if seg.interp != nil {
			es = append(es, indPart{interp: seg.interp})
			continue
		}
		es = appendIndTokens(es, seg.text)
	}
	if len(es) == 0 {
		return []item{{text: `""`}}, false
	}
	items := stripIndentation(es)
	if len(items) == 1 && (items[0].e == nil || p.isExprString(items[0].e)) {
		return items, false
	}
	return items, true
}

// isExprString reports whether Nix represents e as a plain string
// (ExprString): a string without interpolation or a URI.
func (p *printer) isExprString(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.StringExpr:
		_, concat := p.stringParts(e)
		return !concat
	case *ast.URIExpr:
		return true
	}
	return false
}

// appendIndTokens splits a literal run of an indented string into Nix
// 2.8's IND_STR tokens, each with its value: runs of
// ([^$']|\$[^{']|'[^'$])+, and the escapes ”$ ($), ”' (”) and ”\c,
// and lone $ and '.
func appendIndTokens(es []indPart, s string) []indPart {
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "'''"):
			es = append(es, indPart{text: "''"})
			i += 3
		case strings.HasPrefix(s[i:], "''$"):
			es = append(es, indPart{text: "$"})
			i += 3
		case strings.HasPrefix(s[i:], "''\\") && i+3 < len(s):
			es = append(es, indPart{text: unescapeIndented(s[i+3])})
			i += 4
		default:
			if n := indRun(s[i:]); n > 0 {
				es = append(es, indPart{text: s[i : i+n], literal: true})
				i += n
			} else { // a lone $ or '
				es = append(es, indPart{text: s[i : i+1]})
				i++
			}
		}
	}
	return es
}

// indRun returns the length of the run ([^$']|\$[^{']|'[^'$])+ at the
// start of s.
func indRun(s string) int {
	i := 0
	for i < len(s) {
		switch s[i] {
		case '$':
			if i+1 >= len(s) || s[i+1] == '{' || s[i+1] == '\'' {
				return i
			}
			i += 2
		case '\'':
			if i+1 >= len(s) || s[i+1] == '\'' || s[i+1] == '$' {
				return i
			}
			i += 2
		default:
			i++
		}
	}
	return i
}

// unescapeIndented decodes the character after ”\ as Nix 2.8 does.
func unescapeIndented(c byte) string {
	switch c {
	case 'n':
		return "\n"
	case 'r':
		return "\r"
	case 't':
		return "\t"
	}
	return string(c)
}

// stripIndentation is Nix 2.8's: it removes the smallest indentation of
// the lines (interpolations and escapes end a line's indentation) and,
// from the last part, a final line of spaces.
// Every token stays a part of its own, even when it becomes empty.
func stripIndentation(es []indPart) []item {
	atStartOfLine := true
	minIndent, curIndent := 1000000, 0
	for _, e := range es {
		if !e.literal {
			if atStartOfLine {
				atStartOfLine = false
				minIndent = min(minIndent, curIndent)
			}
			continue
		}
		for j := 0; j < len(e.text); j++ {
			c := e.text[j]
			switch {
			case atStartOfLine && c == ' ':
				curIndent++
			case atStartOfLine && c == '\n':
				curIndent = 0
			case atStartOfLine:
				atStartOfLine = false
				minIndent = min(minIndent, curIndent)
			case c == '\n':
				atStartOfLine = true
				curIndent = 0
			}
		}
	}

	items := make([]item, 0, len(es))
	atStartOfLine = true
	curDropped := 0
	for i, e := range es {
		if e.interp != nil {
			atStartOfLine = false
			curDropped = 0
			items = append(items, item{e: e.interp.X})
			continue
		}
		var b strings.Builder
		for j := 0; j < len(e.text); j++ {
			c := e.text[j]
			switch {
			case atStartOfLine && c == ' ':
				if curDropped >= minIndent {
					b.WriteByte(c)
				}
				curDropped++
			case atStartOfLine && c == '\n':
				curDropped = 0
				b.WriteByte(c)
			case atStartOfLine:
				atStartOfLine = false
				curDropped = 0
				b.WriteByte(c)
			default:
				b.WriteByte(c)
				if c == '\n' {
					atStartOfLine = true
				}
			}
		}
		s2 := b.String()
		if i == len(es)-1 {
			if k := strings.LastIndexByte(s2, '\n'); k >= 0 && strings.Trim(s2[k+1:], " ") == "" {
				s2 = s2[:k+1]
			}
		}
		items = append(items, item{text: scope.QuoteString(s2)})
	}
	return items
}
