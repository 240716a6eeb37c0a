// Package scanner splits Nix source into tokens the way Nix's flex lexer
// (src/libexpr/lexer.l) does: longest match first, ties to the earlier
// rule, with the same start-condition stack for strings, indented strings,
// interpolations and paths.
//
// The token stream is lossless: every byte of the source belongs to exactly
// one token (trivia included), so concatenating the tokens' texts gives the
// source back. Zero-width PATH_END and EOF tokens mark where a path and the
// file end.
package scanner

import (
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Error is a lexical error: a literal Nix rejects (an integer that
// overflows, a float out of range, a path with a trailing slash). Offset
// is where Nix reports it.
type Error struct {
	Offset, End int
	Msg         string
}

// state is a flex start condition.
type state uint8

const (
	stInitial     state = iota // bottom of the stack: '}' does not pop it
	stDefault                  // inside { … } or ${ … }
	stString                   // inside "…"
	stIndString                // inside ''…''
	stInPath                   // after a path piece that does not end in '/'
	stInPathSlash              // after a path piece that ends in '/'
)

// Scanner holds the lexer state while it tokenizes one source.
type scanner struct {
	src      []byte
	toks     []ast.Token
	stack    []state
	errors   []Error
	comments []int32 // indexes in toks of the COMMENT tokens

	// Runs already measured, so that input like "-----…" or "a.a.a.…",
	// where every byte starts a failed path or URI candidate, stays
	// linear: the run of PATH_CHARs (or URI scheme bytes) containing an
	// offset ends where it ended for the earlier offset.
	pathRunEnd, uriRunEnd int
	noCommentEnd          bool // no "*/" after the last unterminated "/*"
}

// Scan tokenizes src. It never fails: bytes that start no token become
// one-byte ILLEGAL tokens, and rejected literals are reported in the
// returned errors (their tokens are still emitted).
func Scan(src []byte) ([]ast.Token, []Error) {
	// Real code has about one token per 4 bytes.
	var sc Scanner
	return sc.Append(make([]ast.Token, 0, len(src)/4+16), src)
}

// A Scanner tokenizes sources one after another, reusing its memory. The
// zero Scanner is ready to use.
type Scanner struct {
	stack    []state
	comments []int32
}

// Append is Scan appending the tokens to dst, so that a caller scanning
// many sources can reuse one buffer.
func (sc *Scanner) Append(dst []ast.Token, src []byte) ([]ast.Token, []Error) {
	s := scanner{src: src, toks: dst, stack: append(sc.stack[:0], stInitial), comments: sc.comments[:0]}
	s.run()
	sc.stack, sc.comments = s.stack, s.comments
	return s.toks, s.errors
}

// Comments returns the indexes, in the slice the last Append returned,
// of its COMMENT tokens: comments are few, and a caller that wants them
// need not look at every token. The slice is valid until the next Append.
func (sc *Scanner) Comments() []int32 { return sc.comments }

func (s *scanner) top() state { return s.stack[len(s.stack)-1] }

func (s *scanner) push(st state) { s.stack = append(s.stack, st) }

func (s *scanner) pop() {
	if len(s.stack) > 1 {
		s.stack = s.stack[:len(s.stack)-1]
	}
}

// replace swaps the top state, as flex's POP_STATE(); PUSH_STATE(st).
func (s *scanner) replace(st state) { s.stack[len(s.stack)-1] = st }

func (s *scanner) emit(k ast.TokenKind, from, to int) {
	s.toks = append(s.toks, ast.Token{Kind: k, Offset: int32(from), EndOffset: int32(to)})
}

// emitComment emits a COMMENT token, noting its index.
func (s *scanner) emitComment(from, to int) {
	s.comments = append(s.comments, int32(len(s.toks)))
	s.emit(ast.COMMENT, from, to)
}

func (s *scanner) errorf(from, to int, msg string) {
	s.errors = append(s.errors, Error{Offset: from, End: to, Msg: msg})
}

func (s *scanner) run() {
	i := 0
	n := len(s.src)
	for i < n {
		switch s.top() {
		case stString:
			i = s.scanString(i)
		case stIndString:
			i = s.scanIndString(i)
		case stInPath, stInPathSlash:
			i = s.scanInPath(i)
		default:
			if i = s.scanFast(i); i < n && s.top() <= stDefault {
				i = s.scanDefault(i)
			}
		}
	}
	// At the end of input a path still open ends here; one that ends in
	// '/' is an error.
	if st := s.top(); st == stInPath || st == stInPathSlash {
		if st == stInPathSlash {
			s.trailingSlash(n)
		}
		s.emit(ast.PATH_END, n, n)
	}
	s.emit(ast.EOF, n, n)
}

// trailingSlash reports a path ending in '/'. Nix reports it at the byte
// after the path, or, at the end of input, at the start of the last piece.
func (s *scanner) trailingSlash(at int) {
	pos := at
	if at == len(s.src) && len(s.toks) > 0 {
		pos = int(s.toks[len(s.toks)-1].Offset)
	}
	s.errorf(pos, at, "path has a trailing slash")
}
