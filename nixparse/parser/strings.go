package parser

import (
	"math/bits"
	"strings"
	"unsafe"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// parseString parses "…": literal runs and ${…} interpolations.
func (p *parser) parseString() *ast.StringExpr {
	s := p.a.str.new()
	*s = ast.StringExpr{Open: p.got(ast.STRING_OPEN)}
	base := p.parts.base()
	if p.is(ast.STRING_TEXT) {
		raw := p.tokText()
		t := p.stringText(raw, p.unescape(raw))
		if k := p.tok.Kind; k != ast.STRING_TEXT && k != ast.INTERP_OPEN {
			// Most strings: one literal run, not collected on the stack.
			s.Parts = p.a.parts.one(t)
			s.Close = p.closeOr(p.got(ast.STRING_CLOSE), `'"'`, 1)
			return s
		}
		p.parts.push(t)
	}
	for {
		switch p.tok.Kind {
		case ast.STRING_TEXT:
			raw := p.tokText()
			p.parts.push(p.stringText(raw, p.unescape(raw)))
			continue
		case ast.INTERP_OPEN:
			p.parts.push(p.parseInterpolation())
			continue
		}
		break
	}
	s.Parts = p.parts.pop(base, &p.a.parts)
	s.Close = p.closeOr(p.got(ast.STRING_CLOSE), `'"'`, 1)
	return s
}

// stringText makes a StringText for the current token (a literal run of
// a string or path) and consumes it.
func (p *parser) stringText(raw, value string) *ast.StringText {
	t := p.a.text.new()
	*t = ast.StringText{ValuePos: p.tokPos(), Raw: raw, Value: value}
	p.skip()
	return t
}

// parseInterpolation parses ${ expr }.
func (p *parser) parseInterpolation() *ast.Interpolation {
	in := p.a.interp.new()
	*in = ast.Interpolation{Dollar: p.got(ast.INTERP_OPEN)}
	in.X = p.parseExpr()
	in.Rbrace = p.closeOr(p.got(ast.RBRACE), "'}'", 1)
	return in
}

// unescape gives a "…" literal run its meaning, as Nix's unescapeStr:
// \n, \r and \t are control characters, \x is x, and CR and CR LF are LF.
// Most files have no CR: a run of them is looked at for a backslash only.
func (p *parser) unescape(raw string) string {
	if strings.IndexByte(raw, '\\') < 0 && (!p.hasCR || strings.IndexByte(raw, '\r') < 0) {
		return raw
	}
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			i++
			switch c = raw[i]; c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			}
		case c == '\r':
			c = '\n'
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// parseIndString parses ”…”: its literal tokens get their values after
// escapes and Nix's indentation stripping.
func (p *parser) parseIndString() *ast.StringExpr {
	s := p.a.str.new()
	*s = ast.StringExpr{Open: p.got(ast.IND_OPEN), Indented: true}
	base := p.parts.base()
	for {
		switch p.tok.Kind {
		case ast.STRING_TEXT:
			p.parts.push(p.stringText(p.tokText(), ""))
			continue
		case ast.INTERP_OPEN:
			p.parts.push(p.parseInterpolation())
			continue
		}
		break
	}
	s.Parts = p.parts.pop(base, &p.a.parts)
	s.Close = p.closeOr(p.got(ast.IND_CLOSE), "IND_STR or DOLLAR_CURLY or IND_STRING_CLOSE", 2)
	p.stripIndentation(s.Parts)
	return s
}

// indValue is the meaning of one indented-string token before stripping,
// and whether it is a literal run (whose leading spaces are indentation)
// rather than an escape or a lone '$' or '\”.
func indValue(raw string) (string, bool) {
	switch {
	case raw == "''$" || raw == "$":
		return "$", false
	case raw == "'''":
		return "''", false
	case raw == "'":
		return "'", false
	case len(raw) == 4 && strings.HasPrefix(raw, "''\\"):
		switch raw[3] {
		case 'n':
			return "\n", false
		case 'r':
			return "\r", false
		case 't':
			return "\t", false
		}
		return raw[3:], false
	}
	return raw, true
}

// minIndentation is the indentation Nix strips from an indented string:
// the smallest of its lines', where interpolations and escapes end a
// line's indentation and lines of spaces only do not count.
//
// It also appends to lines the runs of spaces that start the lines of
// the literal parts, which stripIndentation drops without a second pass
// over the text, and reports whether they are all the runs it would
// drop from: Nix's stripping reads the values of escapes as text, so an
// escape whose value is LF or a space, which this count takes as the end
// of a line's indentation, starts or continues one there (stripLines
// then finds the runs).
func minIndentation(parts []ast.StringPart, lines []indLine) (int, []indLine, bool) {
	atStartOfLine := true
	minIndent := noIndent
	curIndent := 0
	exact := true
	for i, part := range parts {
		t, ok := part.(*ast.StringText)
		var v string
		var indentation bool
		if ok {
			v, indentation = indValue(t.Raw)
		}
		if !indentation {
			if atStartOfLine {
				atStartOfLine = false
				minIndent = min(minIndent, curIndent)
			}
			if v == "\n" || v == " " {
				exact = false
			}
			continue
		}
		var least int
		lines, atStartOfLine, curIndent, least = lineStartRuns(lines, v, i, atStartOfLine, curIndent)
		minIndent = min(minIndent, least)
	}
	return minIndent, lines, exact
}

// noIndent is more indentation than any line has.
const noIndent = 1000000

// lineStartRuns appends to lines the runs of spaces that start lines in
// v, the value of the i-th part of an indented string, from the state
// the parts before it left: atStart when v starts a line, cur the spaces
// before v on its line. It returns lines, that state after v, and the
// least indentation of the lines whose text starts in v (noIndent when
// none does).
func lineStartRuns(lines []indLine, v string, i int, atStart bool, cur int) (_ []indLine, _ bool, _ int, least int) {
	least = noIndent
	for j := 0; j < len(v); {
		if atStart {
			k := spaces(v, j)
			if k > j {
				lines = append(lines, indLine{part: int32(i), start: int32(j), end: int32(k), before: int32(cur)})
			}
			cur += k - j
			if j = k; j == len(v) {
				break
			}
			if v[j] == '\n' {
				cur = 0
				j++
				continue
			}
			atStart = false
			least = min(least, cur)
		}
		nl := strings.IndexByte(v[j:], '\n')
		if nl < 0 {
			break
		}
		j += nl + 1
		atStart = true
		cur = 0
	}
	return lines, atStart, cur, least
}

// indLine is a run of spaces at the start of a line in a part of an
// indented string: the part's index, where the run starts and ends in the
// part's value, and the spaces of the line before the part.
type indLine struct {
	part, start, end, before int32
}

// stripLines appends to lines the runs of spaces that start lines in the
// text parts of an indented string as Nix's stripping sees them: in the
// values of escapes too (see minIndentation).
func stripLines(parts []ast.StringPart, lines []indLine) []indLine {
	atStartOfLine := true
	curDropped := 0
	for i, part := range parts {
		t, ok := part.(*ast.StringText)
		if !ok {
			atStartOfLine = false
			curDropped = 0
			continue
		}
		v, _ := indValue(t.Raw)
		lines, atStartOfLine, curDropped, _ = lineStartRuns(lines, v, i, atStartOfLine, curDropped)
	}
	return lines
}

// spaces returns the end of the run of spaces of v at j. Indentation is
// long: it looks at eight bytes at a time.
func spaces(v string, j int) int {
	const eight = 0x2020202020202020
	for ; j+8 <= len(v); j += 8 {
		w := v[j : j+8]
		// One load: the compiler combines the bytes.
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if x != eight {
			return j + bits.TrailingZeros64(x^eight)/8
		}
	}
	for j < len(v) && v[j] == ' ' {
		j++
	}
	return j
}

// stripIndentation sets the Value of the literal parts of an indented
// string as Nix's ParserState::stripIndentation does: it removes
// minIndentation spaces from the start of every line and drops a last
// line made of spaces only. A part whose value ends up empty keeps Value
// "" (modern Nix drops such parts; Nix 2.8 keeps them).
//
// A part loses bytes only where a line's indentation is dropped, so its
// value is the runs of its text between the dropped spaces: a part that
// loses none (or only a last line of spaces) keeps a substring of its
// text. The value of one that does is made in p.buf, after those of the
// file's earlier indented strings, and set by setStrippedValues once the
// file is parsed: the file's stripped values cost one allocation, not
// one each.
func (p *parser) stripIndentation(parts []ast.StringPart) {
	minIndent, lines, exact := minIndentation(parts, p.indLines[:0])
	if !exact {
		lines = stripLines(parts, lines[:0])
	}
	p.indLines = lines
	for i, part := range parts {
		t, ok := part.(*ast.StringText)
		if !ok {
			continue
		}
		v, _ := indValue(t.Raw)
		start := len(p.buf)
		buf := p.buf
		from := 0 // v[from:] is kept, not yet copied to buf
		for ; len(lines) > 0 && int(lines[0].part) == i; lines = lines[1:] {
			l := lines[0]
			if drop := min(max(minIndent-int(l.before), 0), int(l.end-l.start)); drop > 0 {
				buf = append(buf, v[from:l.start]...)
				from = int(l.start) + drop
			}
		}
		// What is copied ends at a line start: it is empty or ends in LF.
		rest := v[from:]
		if i == len(parts)-1 {
			if nl := strings.LastIndexByte(rest, '\n'); nl >= 0 {
				if onlySpaces(rest[nl+1:]) {
					rest = rest[:nl+1]
				}
			} else if len(buf) > start && onlySpaces(rest) {
				rest = ""
			}
		}
		if len(buf) == start {
			t.Value = rest
			continue
		}
		buf = append(buf, rest...)
		p.stripped = append(p.stripped, strippedValue{t, start, len(buf)})
		p.buf = buf
	}
}

// onlySpaces reports whether s has no byte but spaces.
func onlySpaces(s string) bool { return spaces(s, 0) == len(s) }

// strippedValue is a literal part of an indented string whose value is
// p.buf[from:to].
type strippedValue struct {
	text     *ast.StringText
	from, to int
}

// setStrippedValues sets the values stripIndentation made in p.buf, as
// substrings of one fresh string, or for a Parser of a copy of p.buf in
// the memory of a recycled file's values when it is large enough.
func (p *parser) setStrippedValues(reuse bool) {
	if len(p.stripped) == 0 {
		return
	}
	var all string
	if reuse {
		mem := p.spare.values[:0]
		if cap(mem) < len(p.buf) {
			mem = make([]byte, 0, len(p.buf))
		}
		p.values = append(mem, p.buf...)
		p.spare.values = nil
		all = unsafe.String(unsafe.SliceData(p.values), len(p.values))
	} else {
		all = string(p.buf)
	}
	for _, s := range p.stripped {
		s.text.Value = all[s.from:s.to]
	}
	clear(p.stripped) // keep no tree alive
	p.stripped = p.stripped[:0]
}
