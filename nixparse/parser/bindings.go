package parser

import "github.com/nixaudit/nixaudit/nixparse/ast"

// parseBindings parses attribute definitions and inherits up to (not
// including) term, which is '}' or 'in'. A malformed binding is reported
// and skipped up to the next ';' or binding start.
func (p *parser) parseBindings(term ast.TokenKind) []ast.Binding {
	base := p.bindings.base()
	for !p.is(term) && !p.is(ast.EOF) {
		start := p.i
		switch p.tok.Kind {
		case ast.KEYWORD_INHERIT:
			p.bindings.push(p.parseInherit(term))
		case ast.IDENT, ast.CUR_POS, ast.KEYWORD_OR, ast.STRING_OPEN, ast.INTERP_OPEN:
			p.bindings.push(p.parseAttrDef(term))
		default:
			if isCloser(p.tok.Kind) || p.is(ast.KEYWORD_IN) {
				return p.bindings.pop(base, &p.a.bindings)
			}
			p.unexpected("")
			p.skipTo(syncBindings, term)
		}
		if p.i == start {
			p.next() // guarantee progress after an error
		}
	}
	return p.bindings.pop(base, &p.a.bindings)
}

// parseAttrDef parses path = value; in bindings ended by term.
func (p *parser) parseAttrDef(term ast.TokenKind) ast.Binding {
	d := p.a.attrDef.new()
	*d = ast.AttrDef{Path: p.parseAttrPath("")}
	if d.Eq = p.got(ast.ASSIGN); !d.Eq.IsValid() {
		p.unexpected("'.' or '='")
		d.Value = p.bad()
		p.skipTo(syncBindings, term)
		return d
	}
	d.Value = p.parseExpr()
	if d.Semi = p.got(ast.SEMI); !d.Semi.IsValid() {
		p.unexpected("';'")
		p.skipTo(syncBindings, term)
	}
	return d
}

// parseInherit parses inherit a "b" …; and inherit (from) a …; in
// bindings ended by term.
func (p *parser) parseInherit(term ast.TokenKind) ast.Binding {
	in := p.a.inherit.new()
	in.Inherit = p.got(ast.KEYWORD_INHERIT)
	if in.Lparen = p.got(ast.LPAREN); in.Lparen.IsValid() {
		in.From = p.parseExpr()
		in.Rparen = p.expect(ast.RPAREN, "')'")
	}
	base := p.keys.base()
	for {
		switch p.tok.Kind {
		case ast.IDENT, ast.CUR_POS, ast.KEYWORD_OR:
			p.keys.push(p.name())
			continue
		case ast.STRING_OPEN:
			p.keys.push(p.parseString())
			continue
		case ast.INTERP_OPEN:
			p.keys.push(p.parseInterpolation())
			continue
		}
		break
	}
	in.Names = p.keys.pop(base, &p.a.keys)
	if in.Semi = p.got(ast.SEMI); !in.Semi.IsValid() {
		p.unexpected("")
		p.skipTo(syncBindings, term)
	}
	return in
}
