package scanner

import (
	"bytes"
	"encoding/binary"
	"math/bits"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// emitWord emits an identifier, or the keyword it spells.
func (s *scanner) emitWord(i, j int) {
	s.emit(wordKind(s.src[i:j]), i, j)
}

// wordKind is the kind of an identifier: IDENT, or the keyword it spells.
// __curPos, an ID for Nix's grammar that the parser treats specially, gets
// CUR_POS.
func wordKind(word []byte) ast.TokenKind {
	if len(word) < 2 || len(word) > 8 {
		return ast.IDENT
	}
	switch string(word) {
	case "if":
		return ast.KEYWORD_IF
	case "then":
		return ast.KEYWORD_THEN
	case "else":
		return ast.KEYWORD_ELSE
	case "assert":
		return ast.KEYWORD_ASSERT
	case "with":
		return ast.KEYWORD_WITH
	case "let":
		return ast.KEYWORD_LET
	case "in":
		return ast.KEYWORD_IN
	case "rec":
		return ast.KEYWORD_REC
	case "inherit":
		return ast.KEYWORD_INHERIT
	case "or":
		return ast.KEYWORD_OR
	case "__curPos":
		return ast.CUR_POS
	}
	return ast.IDENT
}

// match is a candidate rule match: the length flex compares (which for
// the PATH_SEG${ rule includes the "${" it later gives back) and what to
// do with it.
type match struct {
	length int
	rule   rule
	end    int // end of the emitted token when it differs from length
}

type rule uint8

const (
	ruleNone rule = iota
	ruleKeywordOrID
	ruleOp2       // a two-byte operator
	ruleEllipsis  // ...
	ruleInt       // INT
	ruleFloat     // FLOAT
	ruleInterp    // ${
	ruleIndOpen   // ''( *\n)?
	rulePathStart // PATH_SEG${ or HPATH_START${: a path piece ending in '/'
	rulePath      // PATH or HPATH
	ruleSPath     // <…>
	ruleURI       // scheme:rest
)

// better reports whether m beats the current best: longer wins, and the
// caller offers candidates in lexer.l's rule order so ties keep the
// earlier rule.
func (m *match) offer(length int, r rule, end int) {
	if length > m.length {
		*m = match{length: length, rule: r, end: end}
	}
}

// isTwoByteOp reports whether c d is one of the operators of two bytes:
// == != <= >= && || -> // ++ <| |>.
func isTwoByteOp(c, d byte) bool {
	switch c {
	case '=', '!', '>':
		return d == '='
	case '<':
		return d == '=' || d == '|'
	case '&':
		return d == '&'
	case '|':
		return d == '|' || d == '>'
	case '-':
		return d == '>'
	case '/':
		return d == '/'
	case '+':
		return d == '+'
	}
	return false
}

// scanFast scans, from i, the tokens of the DEFAULT (or INITIAL) start
// condition that make most of real code and need no look-ahead: runs of
// whitespace, identifiers and keywords not followed by a byte that could
// make them a path or URI, one-byte punctuation, '=' and '.' when they
// do not start a longer token, and the quotes that open a string or an
// indented string. It keeps the tokens in a local slice, so the loop runs
// in registers, and returns where it stopped: at the end of input, at a
// byte that needs scanDefault, or after quotes or a '}' that left the
// default start condition.
func (s *scanner) scanFast(i int) int {
	src, toks := s.src, s.toks
loop:
	for i < len(src) {
		c := src[i]
		switch k := fastKind[c]; k {
		case ast.WHITESPACE:
			// Most runs are one space, between two tokens of a line.
			j := i + 1
			if fastKind[at(src, j)] == ast.WHITESPACE {
				j = whitespaceEnd(src, j+1)
			}
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(j)})
			i = j
		case ast.IDENT:
			j := span(src, i+1, &idChar)
			// Two ifs, not one &&: the compiler then tests the table
			// without making a bool of the whole condition first.
			if wordExtends[at(src, j)] {
				if s.pathOrURI(i) {
					break loop
				}
			}
			toks = append(toks, ast.Token{Kind: wordKind(src[i:j]), Offset: int32(i), EndOffset: int32(j)})
			i = j
		case ast.ILLEGAL:
			break loop
		case ast.ASSIGN:
			if at(src, i+1) == '=' {
				break loop
			}
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(i + 1)})
			i++
		case ast.DOT:
			// Not a float (.5), an ellipsis or a path (.foo/bar, ../x).
			if b := at(src, i+1); digit[b] || b == '.' || at(src, s.pathRun(i)) == '/' {
				break loop
			}
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(i + 1)})
			i++
		case ast.LBRACE:
			s.push(stDefault)
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(i + 1)})
			i++
		case ast.RBRACE:
			s.pop()
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(i + 1)})
			i++
			if s.top() > stDefault {
				break loop
			}
		case ast.STRING_OPEN:
			s.push(stString)
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(i + 1)})
			i++
			break loop
		case ast.IND_OPEN:
			// No other rule matches at "''".
			if at(src, i+1) != '\'' {
				break loop
			}
			j := indOpenEnd(src, i)
			s.push(stIndString)
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(j)})
			i = j
			break loop
		default:
			toks = append(toks, ast.Token{Kind: k, Offset: int32(i), EndOffset: int32(i + 1)})
			i++
		}
	}
	s.toks = toks
	return i
}

// whitespaceEnd returns the end of the run of whitespace at i. Runs of
// indentation are long: it looks at eight bytes at a time, skipping
// spaces up to the first other byte.
func whitespaceEnd(src []byte, i int) int {
	const spaces = 0x2020202020202020
	for i+8 <= len(src) {
		if x := binary.LittleEndian.Uint64(src[i:]) ^ spaces; x != 0 {
			if i += bits.TrailingZeros64(x) / 8; fastKind[src[i]] != ast.WHITESPACE {
				return i
			}
			i++
			continue
		}
		i += 8
	}
	for i < len(src) && fastKind[src[i]] == ast.WHITESPACE {
		i++
	}
	return i
}

// indOpenEnd returns the end of the IND_OPEN token at i, where src has
// two single quotes: they and, when only spaces follow them on their line,
// those spaces and the LF (lexer.l's \'\'( *\n)?).
func indOpenEnd(src []byte, i int) int {
	j := i + 2
	k := j
	for k < len(src) && src[k] == ' ' {
		k++
	}
	if at(src, k) == '\n' {
		j = k + 1
	}
	return j
}

// pathOrURI reports whether a path or a URI (longer than the identifier
// there) starts at i, a byte of idStart: for an identifier, the only
// longer matches, which scanDefault then makes. A URI's scheme is a run
// of PATH_CHARs too, so both need the run of PATH_CHARs at i to end at
// '/' or ':'.
func (s *scanner) pathOrURI(i int) bool {
	end := at(s.src, s.pathRun(i))
	return end == '/' || end == ':' && letter[s.src[i]] && s.uriLen(i) > 0
}

// wordExtends holds the bytes that, right after an identifier, may make
// it the start of a longer path or URI match: '/', ':', '.' and '+'. (A
// table: one load instead of four compares after every identifier.)
var wordExtends = [256]bool{'/': true, ':': true, '.': true, '+': true}

// fastKind is the kind of the token that scanFast starts at a byte:
// WHITESPACE, IDENT (an identifier or keyword), a punctuation kind,
// STRING_OPEN, IND_OPEN (for a single quote, which opens an indented
// string when another follows), or ILLEGAL for a byte it leaves to
// scanDefault.
var fastKind = func() (k [256]ast.TokenKind) {
	for _, c := range []byte(" \t\r\n") {
		k[c] = ast.WHITESPACE
	}
	for c := range 256 {
		// idStart, which classes.go's init fills after this runs.
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' {
			k[c] = ast.IDENT
		}
	}
	for c, kind := range map[byte]ast.TokenKind{
		'{': ast.LBRACE, '}': ast.RBRACE, '[': ast.LBRACK, ']': ast.RBRACK, '(': ast.LPAREN,
		')': ast.RPAREN, ';': ast.SEMI, ',': ast.COMMA, '@': ast.AT, '?': ast.QUESTION, ':': ast.COLON,
		'=': ast.ASSIGN, '.': ast.DOT, '"': ast.STRING_OPEN, '\'': ast.IND_OPEN,
	} {
		k[c] = kind
	}
	return k
}()

// scanDefault scans one token in the DEFAULT (or INITIAL) start condition
// that scanFast left (never whitespace).
func (s *scanner) scanDefault(i int) int {
	src := s.src
	c := src[i]
	switch c {
	case '#':
		j := len(src)
		if k := bytes.IndexByte(src[i:], '\n'); k >= 0 {
			j = i + k
		}
		if k := bytes.IndexByte(src[i:j], '\r'); k >= 0 {
			j = i + k
		}
		s.emitComment(i, j)
		return j
	case '/':
		if at(src, i+1) == '*' && !s.noCommentEnd {
			if k := bytes.Index(src[i+2:], []byte("*/")); k >= 0 {
				j := i + 2 + k + 2
				s.emitComment(i, j)
				return j
			}
			s.noCommentEnd = true
		}
	}

	switch c {
	case '{', '}', '[', ']', '(', ')', ';', ',', '@', '?', ':', '"':
		// No longer rule starts with these bytes.
		s.emitByte(i)
		return i + 1
	}

	var m match
	if idStart[c] {
		j := span(src, i+1, &idChar)
		// Fast path: only a byte of wordExtends after an identifier can
		// make a longer path or URI match.
		if !wordExtends[at(src, j)] {
			s.emitWord(i, j)
			return j
		}
		m.offer(j-i, ruleKeywordOrID, 0)
	}
	if c == '.' && at(src, i+1) == '.' && at(src, i+2) == '.' {
		m.offer(3, ruleEllipsis, 0)
	}
	if isTwoByteOp(c, at(src, i+1)) {
		m.offer(2, ruleOp2, 0)
	}
	if digit[c] {
		m.offer(span(src, i, &digit)-i, ruleInt, 0)
	}
	if digit[c] || c == '.' {
		m.offer(floatLen(src, i), ruleFloat, 0)
	}
	switch c {
	case '$':
		if at(src, i+1) == '{' {
			m.offer(2, ruleInterp, 0)
		}
	case '\'':
		if at(src, i+1) == '\'' {
			m.offer(indOpenEnd(src, i)-i, ruleIndOpen, 0)
		}
	case '~':
		if at(src, i+1) == '/' {
			if at(src, i+2) == '$' && at(src, i+3) == '{' {
				m.offer(4, rulePathStart, i+2)
			} else if end := pathSegments(src, i+1); end > i+1 {
				m.offer(end-i, rulePath, 0)
			}
		}
	case '<':
		m.offer(spathLen(src, i), ruleSPath, 0)
	}
	if pathChar[c] || c == '/' {
		j := s.pathRun(i)
		if at(src, j) == '/' && at(src, j+1) == '$' && at(src, j+2) == '{' {
			m.offer(j+3-i, rulePathStart, j+1)
		} else if end := pathSegments(src, j); end > j {
			m.offer(end-i, rulePath, 0)
		}
	}
	if letter[c] {
		m.offer(s.uriLen(i), ruleURI, 0)
	}
	return s.emitDefault(i, m)
}

// emitDefault emits the token m chose (or a one-byte token when no rule
// of more than one byte matched) and updates the start-condition stack.
func (s *scanner) emitDefault(i int, m match) int {
	j := i + m.length
	switch m.rule {
	case ruleKeywordOrID:
		s.emitWord(i, j)
	case ruleOp2:
		s.emit(ast.OPERATOR, i, j)
	case ruleEllipsis:
		s.emit(ast.ELLIPSIS, i, j)
	case ruleInt:
		s.emit(ast.INT, i, j)
	case ruleFloat:
		s.emit(ast.FLOAT, i, j)
	case ruleInterp:
		s.push(stDefault)
		s.emit(ast.INTERP_OPEN, i, j)
	case ruleIndOpen:
		s.push(stIndString)
		s.emit(ast.IND_OPEN, i, j)
	case rulePathStart:
		j = m.end
		s.push(stInPathSlash)
		s.emit(ast.PATH, i, j)
	case rulePath:
		s.pushPath(j)
		s.emit(ast.PATH, i, j)
	case ruleSPath:
		s.emit(ast.LOOKUP_PATH, i, j)
	case ruleURI:
		s.emit(ast.URI, i, j)
	default:
		j = i + 1
		s.emitByte(i)
	}
	return j
}

// emitByte emits the one-byte token flex's ANY rule returns, updating the
// stack for braces and quotes.
func (s *scanner) emitByte(i int) {
	kind := ast.ILLEGAL
	switch s.src[i] {
	case '{':
		s.push(stDefault)
		kind = ast.LBRACE
	case '}':
		s.pop()
		kind = ast.RBRACE
	case '"':
		s.push(stString)
		kind = ast.STRING_OPEN
	case '[':
		kind = ast.LBRACK
	case ']':
		kind = ast.RBRACK
	case '(':
		kind = ast.LPAREN
	case ')':
		kind = ast.RPAREN
	case ';':
		kind = ast.SEMI
	case ':':
		kind = ast.COLON
	case ',':
		kind = ast.COMMA
	case '.':
		kind = ast.DOT
	case '@':
		kind = ast.AT
	case '?':
		kind = ast.QUESTION
	case '=':
		kind = ast.ASSIGN
	case '+', '-', '*', '/', '!', '<', '>':
		kind = ast.OPERATOR
	}
	s.emit(kind, i, i+1)
}

// pushPath enters INPATH or, after a piece ending in '/', INPATH_SLASH.
func (s *scanner) pushPath(end int) {
	if s.src[end-1] == '/' {
		s.push(stInPathSlash)
	} else {
		s.push(stInPath)
	}
}

// pathSegments matches (\/{PATH_CHAR}+)+\/? at i and returns its end, or
// i when there is no segment.
func pathSegments(src []byte, i int) int {
	j := i
	for at(src, j) == '/' && pathChar[at(src, j+1)] {
		j = span(src, j+1, &pathChar)
	}
	if j > i && at(src, j) == '/' {
		j++
	}
	return j
}

// floatLen matches FLOAT: (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
func floatLen(src []byte, i int) int {
	j := i
	if c := src[i]; c >= '1' && c <= '9' {
		j = span(src, i+1, &digit)
		if at(src, j) != '.' {
			return 0
		}
		j = span(src, j+1, &digit)
	} else {
		if c == '0' {
			j++
		}
		if at(src, j) != '.' || !digit[at(src, j+1)] {
			return 0
		}
		j = span(src, j+1, &digit)
	}
	if e := at(src, j); e == 'e' || e == 'E' {
		k := j + 1
		if s := at(src, k); s == '+' || s == '-' {
			k++
		}
		if digit[at(src, k)] {
			j = span(src, k, &digit)
		}
	}
	return j - i
}

// spathLen matches SPATH: \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>
func spathLen(src []byte, i int) int {
	j := span(src, i+1, &pathChar)
	if j == i+1 {
		return 0
	}
	for at(src, j) == '/' && pathChar[at(src, j+1)] {
		j = span(src, j+1, &pathChar)
	}
	if at(src, j) != '>' {
		return 0
	}
	return j + 1 - i
}

// pathRun returns the end of the run of PATH_CHARs at i.
func (s *scanner) pathRun(i int) int {
	if i >= s.pathRunEnd {
		s.pathRunEnd = span(s.src, i, &pathChar)
	}
	return s.pathRunEnd
}

// uriLen matches URI: [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[uri chars]+
func (s *scanner) uriLen(i int) int {
	src := s.src
	if i+1 >= s.uriRunEnd {
		s.uriRunEnd = span(src, i+1, &uriHead)
	}
	j := s.uriRunEnd
	if at(src, j) != ':' {
		return 0
	}
	k := span(src, j+1, &uriChar)
	if k == j+1 {
		return 0
	}
	return k - i
}
