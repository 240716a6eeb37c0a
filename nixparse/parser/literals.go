package parser

import (
	"math"
	"strconv"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// parseInt parses an integer literal; one that does not fit in 64 bits is
// an error, as in Nix.
func (p *parser) parseInt() ast.Expr {
	l := p.a.intLit.new()
	*l = ast.IntLit{ValuePos: p.tokPos(), Raw: p.tokText()}
	v, err := strconv.ParseInt(l.Raw, 10, 64)
	if err != nil {
		p.literalError("invalid integer '" + l.Raw + "'")
	}
	l.Value = v
	p.next()
	return l
}

// parseFloat parses a float literal; like Nix (strtod setting ERANGE), it
// rejects values that overflow or underflow to a subnormal or zero.
func (p *parser) parseFloat() ast.Expr {
	l := p.a.float.new()
	*l = ast.FloatLit{ValuePos: p.tokPos(), Raw: p.tokText()}
	v, err := strconv.ParseFloat(l.Raw, 64)
	if err != nil || v != 0 && math.Abs(v) < 0x1p-1022 || v == 0 && hasNonzeroDigit(l.Raw) {
		p.literalError("invalid float '" + l.Raw + "'")
	}
	l.Value = v
	p.next()
	return l
}

// hasNonzeroDigit reports whether the mantissa of a float literal has a
// nonzero digit.
func hasNonzeroDigit(raw string) bool {
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == 'e' || c == 'E':
			return false
		case c >= '1' && c <= '9':
			return true
		}
	}
	return false
}

// literalError reports the current token as a literal Nix rejects.
func (p *parser) literalError(msg string) {
	p.errorAt(p.off(), int(p.tok.EndOffset), ast.InvalidLiteral, msg)
}

// parsePath parses a path literal: its first piece, then further pieces
// and interpolations up to the scanner's PATH_END. As in parser.y, pieces
// after the first require an interpolation among them.
func (p *parser) parsePath() ast.Expr {
	e := p.a.path.new()
	*e = ast.PathExpr{ValuePos: p.tokPos()}
	switch p.src[p.tok.Offset] {
	case '/':
		e.Kind = ast.PathAbsolute
	case '~':
		e.Kind = ast.PathHome
	}
	base := p.parts.base()
	raw := p.tokText()
	p.parts.push(p.stringText(raw, raw))
	interpolated := false
	for {
		switch p.tok.Kind {
		case ast.PATH:
			raw := p.tokText()
			p.parts.push(p.stringText(raw, raw))
			if !interpolated && !p.is(ast.INTERP_OPEN) {
				p.unexpected("DOLLAR_CURLY")
			}
			continue
		case ast.INTERP_OPEN:
			p.parts.push(p.parseInterpolation())
			interpolated = true
			continue
		}
		break
	}
	e.Parts = p.parts.pop(base, &p.a.parts)
	// Without PATH_END (input ended inside an interpolation), the path
	// ends after its last part.
	if p.is(ast.PATH_END) {
		e.EndPos = p.tokPos()
		p.next()
	} else {
		e.EndPos = p.pos(p.prevEnd())
	}
	return e
}
