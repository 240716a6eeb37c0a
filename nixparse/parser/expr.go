package parser

import (
	"go/token"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// parseExpr parses parser.y's expr (= expr_function): lambdas, assert,
// with, let … in, if, and below them pipes and operators. (It leaves its
// level of nesting without a defer: a deferred call costs a call of a
// wrapper on every return.)
func (p *parser) parseExpr() ast.Expr {
	if !p.enter() {
		return p.bad()
	}
	var x ast.Expr
	switch p.tok.Kind {
	case ast.IDENT, ast.CUR_POS:
		switch p.peek(1) {
		case ast.COLON, ast.AT:
			x = p.parseLambda()
		}
	case ast.LBRACE:
		if p.startsFormals() {
			x = p.parseLambda()
		}
	case ast.KEYWORD_ASSERT:
		a := p.a.assert.new()
		*a = ast.AssertExpr{Assert: p.got(ast.KEYWORD_ASSERT)}
		a.Cond = p.parseExpr()
		a.Semi = p.expectOrSkip(ast.SEMI, "';'")
		a.Body = p.parseExpr()
		x = a
	case ast.KEYWORD_WITH:
		w := p.a.with.new()
		*w = ast.WithExpr{With: p.got(ast.KEYWORD_WITH)}
		w.Scope = p.parseExpr()
		w.Semi = p.expectOrSkip(ast.SEMI, "';'")
		w.Body = p.parseExpr()
		x = w
	case ast.KEYWORD_LET:
		if p.peek(1) != ast.LBRACE {
			x = p.parseLet()
		}
	case ast.KEYWORD_IF:
		x = p.parseIf()
	}
	if x == nil { // parsePipe, without a call for an expression without pipes
		if x = p.parseOp(); p.tok.Kind == ast.OPERATOR {
			x = p.parsePipes(x)
		}
	}
	p.leave()
	return x
}

// expectOrSkip is expect for the separators of with and assert: when the
// ';' is missing it skips to the next synchronisation point.
func (p *parser) expectOrSkip(k ast.TokenKind, expecting string) token.Pos {
	pos := p.expect(k, expecting)
	if !pos.IsValid() {
		p.skipTo(syncExpr, ast.EOF)
	}
	return pos
}

// startsFormals reports whether the '{' at the current token opens a
// lambda's formals rather than an attribute set, deciding as bison's
// LALR(1) automaton does: "{ }" followed by ':' or '@', "{ ...", or
// "{ name" followed by ',', '?' or '}'.
func (p *parser) startsFormals() bool {
	switch p.peek(1) {
	case ast.RBRACE:
		k := p.peek(2)
		return k == ast.COLON || k == ast.AT
	case ast.ELLIPSIS:
		return true
	case ast.IDENT, ast.CUR_POS:
		k := p.peek(2)
		return k == ast.COMMA || k == ast.QUESTION || k == ast.RBRACE
	}
	return false
}

// parseLambda parses x: body, {formals}: body, x@{formals}: body and
// {formals}@x: body.
func (p *parser) parseLambda() ast.Expr {
	l := p.a.lambda.new()
	if p.is(ast.LBRACE) {
		l.Formals = p.parseFormals()
		if l.At = p.got(ast.AT); l.At.IsValid() {
			if p.is(ast.IDENT) || p.is(ast.CUR_POS) {
				l.Arg = p.name()
			} else {
				p.unexpected("ID")
			}
			l.Colon = p.expect(ast.COLON, "':'")
		} else {
			l.Colon = p.expect(ast.COLON, "':' or '@'")
		}
	} else {
		l.Arg = p.name()
		if l.At = p.got(ast.AT); l.At.IsValid() {
			if p.is(ast.LBRACE) {
				l.Formals = p.parseFormals()
			} else {
				p.unexpected("'{'")
			}
		}
		l.Colon = p.expect(ast.COLON, "':'")
	}
	l.Body = p.parseExpr()
	return l
}

// parseFormals parses { a, b ? d, ... }.
func (p *parser) parseFormals() *ast.Formals {
	fs := p.a.formals.new()
	*fs = ast.Formals{Lbrace: p.got(ast.LBRACE)}
	base := p.formals.base()
loop:
	for {
		switch p.tok.Kind {
		case ast.RBRACE, ast.EOF:
			break loop
		case ast.ELLIPSIS:
			fs.Ellipsis = p.got(ast.ELLIPSIS)
			break loop
		case ast.IDENT, ast.CUR_POS:
			f := p.a.formal.new()
			*f = ast.Formal{Name: p.name()}
			if f.Question = p.got(ast.QUESTION); f.Question.IsValid() {
				f.Default = p.parseExpr()
			}
			p.formals.push(f)
			if f.Comma = p.got(ast.COMMA); !f.Comma.IsValid() {
				break loop
			}
		default:
			start := p.i
			p.unexpected("")
			p.skipFormal()
			if p.i == start || p.is(ast.COLON) {
				break loop
			}
		}
	}
	fs.List = p.formals.pop(base, &p.a.formalList)
	if fs.Rbrace = p.got(ast.RBRACE); !fs.Rbrace.IsValid() {
		p.unexpected("'}'")
		p.skipFormal()
		if fs.Rbrace = p.got(ast.RBRACE); !fs.Rbrace.IsValid() {
			fs.Rbrace = p.closeAt(1)
		}
	}
	return fs
}

// skipFormal skips a malformed formal up to the next ',' (consumed), '}'
// or ':' at the current bracket level.
func (p *parser) skipFormal() {
	level := 0
	for {
		switch p.tok.Kind {
		case ast.EOF:
			return
		case ast.LBRACE, ast.LBRACK, ast.LPAREN, ast.INTERP_OPEN:
			level++
		case ast.RBRACE, ast.RBRACK, ast.RPAREN:
			if level == 0 {
				return
			}
			level--
		case ast.COLON:
			if level == 0 {
				return
			}
		case ast.COMMA:
			if level == 0 {
				p.next()
				return
			}
		}
		p.next()
	}
}

// name consumes the current identifier token as a *ast.Name.
func (p *parser) name() *ast.Name {
	n := p.a.name.new()
	*n = ast.Name{NamePos: p.tokPos(), Name: p.tokText()}
	p.skip()
	return n
}

// parseLet parses let <bindings> in body.
func (p *parser) parseLet() ast.Expr {
	l := p.a.let.new()
	*l = ast.LetExpr{Let: p.got(ast.KEYWORD_LET)}
	l.Bindings = p.parseBindings(ast.KEYWORD_IN)
	l.In = p.expect(ast.KEYWORD_IN, "")
	l.Body = p.parseExpr()
	return l
}

// parseIf parses if cond then a else b.
func (p *parser) parseIf() ast.Expr {
	e := p.a.ifExpr.new()
	e.If = p.got(ast.KEYWORD_IF)
	e.Cond = p.parseExpr()
	e.ThenPos = p.expect(ast.KEYWORD_THEN, "THEN")
	e.Then = p.parseExpr()
	e.ElsePos = p.expect(ast.KEYWORD_ELSE, "ELSE")
	e.Else = p.parseExpr()
	return e
}

// parsePipes parses the rest of expr_pipe_into (a |> f |> g,
// left-associative) and expr_pipe_from (f <| g <| a, right-associative)
// after x, their first operand; the two do not mix without parentheses.
// Both are iterative, so long chains are fine. (parseExpr parses x and
// calls parsePipes only when an operator follows.)
func (p *parser) parsePipes(x ast.Expr) ast.Expr {
	op := p.pipeOp()
	switch op {
	case ast.OpPipeRight:
		for p.pipeOp() == ast.OpPipeRight {
			b := p.a.binary.new()
			*b = ast.BinaryExpr{X: x, OpPos: p.tokPos(), Op: op}
			p.next()
			b.Y = p.parseOp()
			x = b
		}
	case ast.OpPipeLeft:
		base := len(p.vals)
		p.vals = append(p.vals, x)
		var opPos []token.Pos
		for p.pipeOp() == ast.OpPipeLeft {
			opPos = append(opPos, p.tokPos())
			p.next()
			p.vals = append(p.vals, p.parseOp())
		}
		y := p.vals[len(p.vals)-1]
		for i := len(opPos) - 1; i >= 0; i-- {
			b := p.a.binary.new()
			*b = ast.BinaryExpr{X: p.vals[base+i], OpPos: opPos[i], Op: op, Y: y}
			y = b
		}
		clear(p.vals[base:])
		p.vals = p.vals[:base]
		x = y
	}
	return x
}

func (p *parser) pipeOp() ast.Op {
	if p.tok.Kind == ast.OPERATOR && p.tok.EndOffset-p.tok.Offset == 2 {
		switch p.tokText() {
		case "|>":
			return ast.OpPipeRight
		case "<|":
			return ast.OpPipeLeft
		}
	}
	return ast.OpInvalid
}
