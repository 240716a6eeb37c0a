package parser

import "github.com/nixaudit/nixaudit/nixparse/ast"

// Syntax errors are worded as Nix 2.8's bison parser words them:
// "syntax error, unexpected X[, expecting Y or Z]", with bison's token
// names (ID, INT, DOLLAR_CURLY, '}' …). Bison lists the expected tokens
// only when there are at most four; the callers pass the list Nix prints
// in that state, or "" when Nix prints none.

// tokName is the bison name of the current token.
func (p *parser) tokName() string {
	t := p.tok
	switch t.Kind {
	case ast.EOF:
		return "end of file"
	case ast.ILLEGAL:
		return "invalid token"
	case ast.IDENT, ast.CUR_POS:
		return "ID"
	case ast.INT:
		return "INT"
	case ast.FLOAT:
		return "FLOAT"
	case ast.PATH:
		if p.src[t.Offset] == '~' {
			return "HPATH"
		}
		return "PATH"
	case ast.LOOKUP_PATH:
		return "SPATH"
	case ast.URI:
		return "URI"
	case ast.STRING_OPEN, ast.STRING_CLOSE:
		return `'"'`
	case ast.IND_OPEN:
		return "IND_STRING_OPEN"
	case ast.IND_CLOSE:
		return "IND_STRING_CLOSE"
	case ast.STRING_TEXT:
		return "STR"
	case ast.INTERP_OPEN:
		return "DOLLAR_CURLY"
	case ast.PATH_END:
		return "PATH_END"
	case ast.KEYWORD_IF, ast.KEYWORD_THEN, ast.KEYWORD_ELSE, ast.KEYWORD_ASSERT,
		ast.KEYWORD_WITH, ast.KEYWORD_LET, ast.KEYWORD_IN, ast.KEYWORD_REC, ast.KEYWORD_INHERIT:
		return upper(t.Kind.String())
	case ast.KEYWORD_OR:
		return "OR_KW"
	case ast.ELLIPSIS:
		return "ELLIPSIS"
	case ast.OPERATOR:
		if name := opTokenNames[p.tokText()]; name != "" {
			return name
		}
	}
	return "'" + p.tokText() + "'"
}

// opTokenNames are bison's names of the multi-byte operators; one-byte
// operators are named by their character in quotes.
var opTokenNames = map[string]string{
	"==": "EQ", "!=": "NEQ", "<=": "LEQ", ">=": "GEQ", "&&": "AND", "||": "OR",
	"->": "IMPL", "//": "UPDATE", "++": "CONCAT", "|>": "PIPE_INTO", "<|": "PIPE_FROM",
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// errOffset is where Nix reports an error at the current token. Nix gives
// the end of file, and a PATH_END, the location of the lexeme before them
// (trivia included); a PATH_END at the end of input gets the one before
// that.
func (p *parser) errOffset() int {
	back := 0
	switch p.tok.Kind {
	case ast.EOF:
		back = 1
	case ast.PATH_END:
		back = 1
		if int(p.tok.Offset) == len(p.src) {
			back = 2
		}
	default:
		return p.off()
	}
	for j := p.i - 1; j >= 0; j-- {
		if t := p.toks[j]; t.EndOffset > t.Offset {
			if back--; back == 0 {
				return int(t.Offset)
			}
		}
	}
	return 0
}

// unexpected reports the current token as a syntax error.
func (p *parser) unexpected(expecting string) {
	msg := "syntax error, unexpected " + p.tokName()
	if expecting != "" {
		msg += ", expecting " + expecting
	}
	off := p.errOffset()
	end := int(p.tok.EndOffset)
	if end < off {
		end = off
	}
	p.errorAt(off, end, ast.SyntaxErr, msg)
}

// errorAt records an error unless the parser has bailed out or already
// reported one on the same line (the later one would be a consequence of
// the first more often than not).
func (p *parser) errorAt(off, end int, kind ast.ErrorKind, msg string) {
	if p.bailed {
		return
	}
	line := p.file.Tok.Line(p.pos(off))
	if len(p.errs) > 0 && line == p.lastErrLine {
		return
	}
	p.lastErrLine = line
	p.errs = append(p.errs, ast.SyntaxError{Kind: kind, Pos: p.pos(off), End: p.pos(end), Msg: msg})
}

// syncMode says where skipTo may stop besides ';' and unmatched closers.
type syncMode uint8

const (
	syncExpr     syncMode = iota // only ';' and closers
	syncBindings                 // also 'in', 'inherit' and "name =" (a new binding)
)

// skipTo skips tokens after an error up to the next synchronisation
// point at the current bracket level: it consumes a ';' and stops before
// an unmatched closing bracket, EOF, or (in bindings) before 'in' or the
// start of a binding. In bindings ended by term ('}' or 'in'), an
// unmatched closer other than '}' is stray and skipped too. It consumes at
// least the current token unless that is itself a stopping point.
func (p *parser) skipTo(mode syncMode, term ast.TokenKind) {
	level := 0
	for {
		switch p.tok.Kind {
		case ast.EOF:
			return
		case ast.LBRACE, ast.LBRACK, ast.LPAREN, ast.INTERP_OPEN:
			level++
		case ast.RBRACE, ast.RBRACK, ast.RPAREN:
			if level == 0 {
				if mode == syncExpr || p.tok.Kind == term || p.tok.Kind == ast.RBRACE {
					return
				}
				break
			}
			level--
		case ast.SEMI:
			if level == 0 {
				p.next()
				return
			}
		case ast.KEYWORD_IN, ast.KEYWORD_INHERIT:
			if level == 0 && mode == syncBindings {
				return
			}
		case ast.IDENT:
			if level == 0 && mode == syncBindings && p.peek(1) == ast.ASSIGN {
				return
			}
		}
		p.next()
	}
}
