package parser

import (
	"go/token"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// startsSelect reports whether a token of kind k can start parser.y's
// expr_select (an application argument or a list element).
func startsSelect(k ast.TokenKind) bool {
	switch k {
	case ast.IDENT, ast.CUR_POS, ast.INT, ast.FLOAT, ast.STRING_OPEN, ast.IND_OPEN,
		ast.PATH, ast.LOOKUP_PATH, ast.URI, ast.LPAREN, ast.KEYWORD_LET,
		ast.KEYWORD_REC, ast.LBRACE, ast.LBRACK:
		return true
	}
	return false
}

// parseArgs parses the rest of expr_app, f a b … as one flattened
// CallExpr, after its first expr_select fun, when the current token
// starts another (parseOp parses the first and tests the token, which
// spares a call for the operands that are no call).
func (p *parser) parseArgs(fun ast.Expr) ast.Expr {
	// "f or x": the only call parseSelect makes is "f or"; it takes the
	// further arguments, as Nix's makeCall appends to an existing call.
	base := p.exprs.base()
	call, ok := fun.(*ast.CallExpr)
	if ok {
		for _, a := range call.Args {
			p.exprs.push(a)
		}
	} else {
		call = p.a.call.new()
		*call = ast.CallExpr{Fun: fun}
		arg := p.parseSelect()
		if !startsSelect(p.tok.Kind) { // most calls: one argument
			call.Args = p.a.exprs.one(arg)
			return call
		}
		p.exprs.push(arg)
	}
	for startsSelect(p.tok.Kind) {
		p.exprs.push(p.parseSelect())
	}
	call.Args = p.exprs.pop(base, &p.a.exprs)
	return call
}

// parseSelect parses expr_select: x.a.b, x.a.b or default, and "x or"
// (Nix's backwards-compatible application of x to a variable named or).
// Like parseExpr, it leaves its level of nesting without a defer. It
// parses the most frequent expr_simple, a variable, without a call.
func (p *parser) parseSelect() ast.Expr {
	if !p.enter() {
		return p.bad()
	}
	var x ast.Expr
	if p.tok.Kind == ast.IDENT {
		id := p.a.ident.new()
		*id = ast.Ident{NamePos: p.tokPos(), Name: p.tokText()}
		p.skip()
		x = id
	} else {
		x = p.parseSimple()
	}
	switch p.tok.Kind {
	case ast.DOT:
		s := p.a.sel.new()
		s.X = x
		s.Dot = p.got(ast.DOT)
		s.Path = p.parseAttrPath(expectAttr)
		if s.Or = p.got(ast.KEYWORD_OR); s.Or.IsValid() {
			s.Default = p.parseSelect()
		}
		x = s
	case ast.KEYWORD_OR:
		id := p.a.ident.new()
		*id = ast.Ident{NamePos: p.tokPos(), Name: "or"}
		p.next()
		c := p.a.call.new()
		*c = ast.CallExpr{Fun: x, Args: p.a.exprs.copyOf([]ast.Expr{id})}
		x = c
	}
	p.leave()
	return x
}

// expectAttr is what Nix expects where an attribute name must follow.
const expectAttr = `ID or OR_KW or DOLLAR_CURLY or '"'`

// parseAttrPath parses a.b."c".${d}; the first name is required. Most
// keys are identifiers, which it takes without calling parseAttrKey.
func (p *parser) parseAttrPath(expecting string) *ast.AttrPath {
	var first ast.AttrKey
	if p.tok.Kind == ast.IDENT {
		first = p.name()
	} else {
		first = p.parseAttrKey(expecting)
	}
	if !p.is(ast.DOT) { // most paths: one key, not collected on the stack
		path := p.a.attrs.new()
		*path = ast.AttrPath{Keys: p.a.keys.one(first)}
		return path
	}
	base := p.keys.base()
	p.keys.push(first)
	for p.is(ast.DOT) {
		p.skip()
		if p.tok.Kind == ast.IDENT {
			p.keys.push(p.name())
		} else {
			p.keys.push(p.parseAttrKey(expectAttr))
		}
	}
	path := p.a.attrs.new()
	*path = ast.AttrPath{Keys: p.keys.pop(base, &p.a.keys)}
	return path
}

// parseAttrKey parses one attribute name: an identifier, or, a string or
// an interpolation.
func (p *parser) parseAttrKey(expecting string) ast.AttrKey {
	switch p.tok.Kind {
	case ast.IDENT, ast.CUR_POS, ast.KEYWORD_OR:
		return p.name()
	case ast.STRING_OPEN:
		return p.parseString()
	case ast.INTERP_OPEN:
		return p.parseInterpolation()
	}
	p.unexpected(expecting)
	return p.bad()
}

// parseSimple parses expr_simple but variables, which parseSelect takes:
// literals, strings, paths, parenthesised expressions, attribute sets,
// legacy let and lists.
func (p *parser) parseSimple() ast.Expr {
	switch p.tok.Kind {
	case ast.CUR_POS:
		c := p.a.curPos.new()
		*c = ast.CurPosExpr{ValuePos: p.got(ast.CUR_POS)}
		return c
	case ast.INT:
		return p.parseInt()
	case ast.FLOAT:
		return p.parseFloat()
	case ast.STRING_OPEN:
		return p.parseString()
	case ast.IND_OPEN:
		return p.parseIndString()
	case ast.PATH:
		return p.parsePath()
	case ast.LOOKUP_PATH:
		l := p.a.lookup.new()
		*l = ast.LookupPathExpr{ValuePos: p.tokPos(), Path: p.text[p.tok.Offset+1 : p.tok.EndOffset-1]}
		p.next()
		return l
	case ast.URI:
		u := p.a.uri.new()
		*u = ast.URIExpr{ValuePos: p.tokPos(), Value: p.tokText()}
		p.next()
		return u
	case ast.LPAREN:
		e := p.a.paren.new()
		*e = ast.ParenExpr{Lparen: p.got(ast.LPAREN)}
		e.X = p.parseExpr()
		e.Rparen = p.closeOr(p.got(ast.RPAREN), "')'", 1)
		return e
	case ast.KEYWORD_LET:
		l := p.a.legacy.new()
		*l = ast.LegacyLetExpr{Let: p.got(ast.KEYWORD_LET)}
		l.Lbrace = p.expect(ast.LBRACE, "'{'")
		l.Bindings, l.Rbrace = p.parseBraced()
		return l
	case ast.KEYWORD_REC:
		s := p.a.set.new()
		*s = ast.AttrSetExpr{Rec: p.got(ast.KEYWORD_REC)}
		s.Lbrace = p.expect(ast.LBRACE, "'{'")
		s.Bindings, s.Rbrace = p.parseBraced()
		return s
	case ast.LBRACE:
		s := p.a.set.new()
		*s = ast.AttrSetExpr{Lbrace: p.got(ast.LBRACE)}
		s.Bindings, s.Rbrace = p.parseBraced()
		return s
	case ast.LBRACK:
		return p.parseList()
	}
	p.unexpected("")
	return p.bad()
}

// parseBraced parses the bindings of { … } up to and including '}'.
func (p *parser) parseBraced() ([]ast.Binding, token.Pos) {
	bs := p.parseBindings(ast.RBRACE)
	return bs, p.closeOr(p.got(ast.RBRACE), "", 1)
}

// parseList parses [ e1 e2 … ], skipping tokens that cannot start an
// element.
func (p *parser) parseList() ast.Expr {
	l := p.a.list.new()
	*l = ast.ListExpr{Lbrack: p.got(ast.LBRACK)}
	base := p.exprs.base()
	for {
		for startsSelect(p.tok.Kind) {
			p.exprs.push(p.parseSelect())
		}
		if p.is(ast.RBRACK) || p.is(ast.EOF) || isCloser(p.tok.Kind) || p.is(ast.SEMI) || p.is(ast.KEYWORD_IN) {
			break
		}
		p.unexpected("")
		p.next()
	}
	l.Elems = p.exprs.pop(base, &p.a.exprs)
	l.Rbrack = p.closeOr(p.got(ast.RBRACK), "", 1)
	return l
}

func isCloser(k ast.TokenKind) bool {
	return k == ast.RBRACE || k == ast.RBRACK || k == ast.RPAREN
}
