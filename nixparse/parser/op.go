package parser

import (
	"go/token"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Precedences of parser.y's expr_op, lowest first. NOT and NEGATE are the
// prefix operators ! and -; '?' is postfix (it takes an attribute path).
const (
	precImpl    = 1 + iota // ->, right
	precOr                 // ||, left
	precAnd                // &&, left
	precEq                 // == !=, nonassoc
	precCmp                // < > <= >=, nonassoc
	precUpdate             // //, right
	precNot                // prefix !
	precAdd                // + -, left
	precMul                // * /, left
	precConcat             // ++, right
	precHasAttr            // ?, postfix
	precNegate             // prefix -
)

type assoc uint8

const (
	left assoc = iota
	right
	nonassoc
)

type binop struct {
	op    ast.Op
	prec  int8
	assoc assoc
}

// binopOf returns the binary meaning of an operator's text (a switch:
// a map lookup hashed the text of every operator).
func binopOf(text string) (binop, bool) {
	switch text {
	case "->":
		return binop{ast.OpImpl, precImpl, right}, true
	case "||":
		return binop{ast.OpOr, precOr, left}, true
	case "&&":
		return binop{ast.OpAnd, precAnd, left}, true
	case "==":
		return binop{ast.OpEq, precEq, nonassoc}, true
	case "!=":
		return binop{ast.OpNEq, precEq, nonassoc}, true
	case "<":
		return binop{ast.OpLess, precCmp, nonassoc}, true
	case ">":
		return binop{ast.OpGreater, precCmp, nonassoc}, true
	case "<=":
		return binop{ast.OpLEq, precCmp, nonassoc}, true
	case ">=":
		return binop{ast.OpGEq, precCmp, nonassoc}, true
	case "//":
		return binop{ast.OpUpdate, precUpdate, right}, true
	case "+":
		return binop{ast.OpAdd, precAdd, left}, true
	case "-":
		return binop{ast.OpSub, precAdd, left}, true
	case "*":
		return binop{ast.OpMul, precMul, left}, true
	case "/":
		return binop{ast.OpDiv, precMul, left}, true
	case "++":
		return binop{ast.OpConcat, precConcat, right}, true
	}
	return binop{}, false
}

// opFrame is a pending operator of parseOp's stack.
type opFrame struct {
	op     ast.Op
	prec   int8
	prefix bool
	pos    token.Pos
}

// binary returns the binary operator at the current token, if any. '?'
// is reported with precHasAttr and OpInvalid.
func (p *parser) binary() (binop, bool) {
	switch p.tok.Kind {
	case ast.QUESTION:
		return binop{prec: precHasAttr, assoc: nonassoc}, true
	case ast.OPERATOR:
		return binopOf(p.tokText())
	}
	return binop{}, false
}

// parseOp parses expr_op by operator precedence with an explicit stack
// (shunting-yard), so neither long left- nor right-associative chains
// recurse. Prefix operators count against MaxDepth.
func (p *parser) parseOp() ast.Expr {
	opBase, valBase := len(p.ops), len(p.vals)
	prefixes := 0
	for {
		for p.atPrefixOp() {
			if p.depth+prefixes >= MaxDepth {
				p.bail()
				break
			}
			f := opFrame{op: ast.OpNot, prec: precNot, prefix: true, pos: p.tokPos()}
			if p.src[p.tok.Offset] == '-' {
				f.op, f.prec = ast.OpNeg, precNegate
			}
			p.ops = append(p.ops, f)
			prefixes++
			p.skip()
		}
		x := p.parseSelect() // expr_app
		if startsSelect(p.tok.Kind) {
			x = p.parseArgs(x)
		}
		if len(p.ops) == opBase {
			// Fast path: an operand alone needs no stacks.
			if k := p.tok.Kind; k != ast.OPERATOR && k != ast.QUESTION {
				return x
			}
			if _, ok := p.binary(); !ok {
				return x
			}
		}
		p.vals = append(p.vals, x)
		if x := p.parseBinaries(opBase, valBase); x != nil {
			return x
		}
	}
}

// atPrefixOp reports whether the current token is the prefix operator !
// or -.
func (p *parser) atPrefixOp() bool {
	return p.tok.Kind == ast.OPERATOR && p.tok.EndOffset-p.tok.Offset == 1 && (p.src[p.tok.Offset] == '!' || p.src[p.tok.Offset] == '-')
}

// parseBinaries handles the operators after an operand: it applies '?'
// and pushes the next binary operator, returning nil to have the next
// operand parsed, or, at the end of the expression, its tree.
func (p *parser) parseBinaries(opBase, valBase int) ast.Expr {
	for {
		b, ok := p.binary()
		if !ok {
			return p.reduceAll(opBase, valBase)
		}
		for len(p.ops) > opBase {
			top := p.ops[len(p.ops)-1]
			if top.prec < b.prec || top.prec == b.prec && b.assoc == right {
				break
			}
			if top.prec == b.prec && b.assoc == nonassoc {
				// a == b == c: bison's %nonassoc makes this an error.
				// Report it and read it left-associatively.
				p.unexpected("")
			}
			p.reduce()
		}
		if b.prec != precHasAttr {
			p.ops = append(p.ops, opFrame{op: b.op, prec: b.prec, pos: p.tokPos()})
			p.skip()
			return nil
		}
		h := p.a.hasAttr.new()
		*h = ast.HasAttrExpr{Question: p.got(ast.QUESTION)}
		h.X = p.vals[len(p.vals)-1]
		h.Path = p.parseAttrPath(expectAttr)
		p.vals[len(p.vals)-1] = h
	}
}

// reduce applies the operator on top of the stack to the values on top
// of the value stack.
func (p *parser) reduce() {
	f := p.ops[len(p.ops)-1]
	p.ops = p.ops[:len(p.ops)-1]
	n := len(p.vals)
	if f.prefix {
		u := p.a.unary.new()
		*u = ast.UnaryExpr{OpPos: f.pos, Op: f.op, X: p.vals[n-1]}
		p.vals[n-1] = u
		return
	}
	b := p.a.binary.new()
	*b = ast.BinaryExpr{X: p.vals[n-2], OpPos: f.pos, Op: f.op, Y: p.vals[n-1]}
	p.vals[n-1] = nil
	p.vals = p.vals[:n-1]
	p.vals[n-2] = b
}

// reduceAll applies every pending operator of this parseOp call and pops
// its result.
func (p *parser) reduceAll(opBase, valBase int) ast.Expr {
	for len(p.ops) > opBase {
		p.reduce()
	}
	x := p.vals[valBase]
	p.vals[valBase] = nil
	p.vals = p.vals[:valBase]
	return x
}
