package parser

import "github.com/nixaudit/nixaudit/nixparse/ast"

// parseBindings parses attribute definitions and inherits up to (not
// including) term, which is '}' or 'in'. A malformed binding is reported
// and skipped up to the next ';' or binding start.
func (p *parser) parseBindings(term ast.TokenKind) []ast.Binding {
	var bs []ast.Binding
	for !p.is(term) && !p.is(ast.EOF) {
		start := p.i
		switch p.tok.Kind {
		case ast.KEYWORD_INHERIT:
			bs = append(bs, p.parseInherit(term))
		case ast.IDENT, ast.CUR_POS, ast.KEYWORD_OR, ast.STRING_OPEN, ast.INTERP_OPEN:
			bs = append(bs, p.parseAttrDef(term))
		default:
			if isCloser(p.tok.Kind) || p.is(ast.KEYWORD_IN) {
				return bs
			}
			p.unexpected("")
			p.skipTo(syncBindings, term)
		}
		if p.i == start {
			p.next() // guarantee progress after an error
		}
	}
	return bs
}

// parseAttrDef parses path = value; in bindings ended by term.
func (p *parser) parseAttrDef(term ast.TokenKind) ast.Binding {
	d := p.a.attrDef.new()
	d.Path = p.parseAttrPath("")
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
	var names []ast.AttrKey
	for {
		switch p.tok.Kind {
		case ast.IDENT, ast.CUR_POS, ast.KEYWORD_OR:
			names = append(names, p.name())
			continue
		case ast.STRING_OPEN:
			names = append(names, p.parseString())
			continue
		case ast.INTERP_OPEN:
			names = append(names, p.parseInterpolation())
			continue
		}
		break
	}
	in.Names = names
	if in.Semi = p.got(ast.SEMI); !in.Semi.IsValid() {
		p.unexpected("")
		p.skipTo(syncBindings, term)
	}
	return in
}
