// Package parser implements a parser for Nix source files.
//
// The grammar, precedences and associativities are those of Nix's
// src/libexpr/parser.y (modern Nix, including the pipe operators |> and
// <|); the tokens come from package scanner, which mirrors lexer.l. Unlike
// Nix, the parser does not stop at the first syntax error: it reports it in
// Nix's words (the first error at the line Nix reports), resynchronises on
// ';', closing brackets, 'in' and binding starts, and keeps going, leaving
// *ast.BadExpr where text failed to parse.
//
// Error conventions: syntax errors read "syntax error, unexpected X[,
// expecting Y or Z]" with Nix 2.8's bison token names (ID, INT, STR,
// DOLLAR_CURLY, IND_STRING_CLOSE, EQ, UPDATE, PIPE_INTO, '}', "end of
// file", "invalid token" …); literals Nix rejects have Kind
// ast.InvalidLiteral and Nix's words ("invalid integer '…'", "invalid
// float '…'", "path has a trailing slash"); input nested deeper than
// MaxDepth gets one "expression nested too deeply" and nothing after it.
// The first error is at the line and column Nix reports; after it, at most
// one error per line is reported.
package parser

import (
	"bytes"
	"encoding/binary"
	"go/token"
	"math/bits"
	"sort"
	"sync"
	"unsafe"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scanner"
)

// MaxDepth bounds the nesting of expressions (each parenthesis, list,
// attribute set, lambda, let, with, assert, if, interpolation, select and
// prefix operator counts). Deeper input gets one "expression nested too
// deeply" error instead of exhausting the stack.
const MaxDepth = 20000

// ParseFile parses src, adding the file to fset. It never fails: syntax
// errors are in the returned file's Errors. The tree is in memory of its
// own: it stays valid for good.
func ParseFile(fset *token.FileSet, filename string, src []byte) *ast.File {
	p := parsers.Get().(*parser)
	defer parsers.Put(p)
	return p.parseFile(fset, filename, src, false)
}

// parsers recycles the scratch memory (token buffer, stacks) of the
// package-level ParseFile between files.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// A Parser parses files one after another, reusing its memory from one
// file to the next: the token slice, the chunks its nodes and node lists
// are carved from, and its scratch stacks are reset, not reallocated, so
// that a worker parsing thousands of files allocates little more than
// each file's line table and the values of the strings that have escapes
// or indentation; with Recycle, the files it is told are no longer used
// give their line tables and indented strings' memory to the next.
//
// The tree ParseFile returns (every node and node list, File.Comments and
// File.Tokens) is valid only until the next call of ParseFile on the same
// Parser, which overwrites it. What is not reused memory stays valid: the
// *ast.File itself, its Name, Src, Tok (with its line table) and Errors,
// and every string in the tree (names, literal texts and values, comment
// texts): they are substrings of src or freshly allocated, so diagnostic
// messages may alias them. Unlike the package-level ParseFile, a Parser
// does not copy src: the caller must not modify src, nor reuse its memory,
// while strings of the tree are in use. Use the package-level ParseFile
// for trees that must outlive the next file.
//
// The zero Parser is ready to use. A Parser must not be used by several
// goroutines at once, nor copied after its first use.
type Parser struct {
	p parser
}

// ParseFile is the package-level ParseFile into p's reused memory: the
// returned tree is valid until the next call on p.
func (p *Parser) ParseFile(fset *token.FileSet, filename string, src []byte) *ast.File {
	f := p.p.parseFile(fset, filename, src, true)
	p.p.last = f
	return f
}

// Recycle tells p that f, the file its last ParseFile returned, is no
// longer used at all: nothing of it, not even its strings, its Tok or the
// *ast.File itself. Recycle removes f.Tok from fset, which must be the
// FileSet f was parsed into, and the next ParseFile reuses the memory
// the file would otherwise have kept: its line table, its *ast.File and
// the values of its indented strings. Most files of a large tree have no
// finding: that memory is most of what parsing them still allocated.
// Recycle of any other file does nothing.
func (p *Parser) Recycle(fset *token.FileSet, f *ast.File) {
	if f == nil || f != p.p.last {
		return
	}
	fset.RemoveFile(f.Tok)
	p.p.spare = spare{lines: f.Tok.Lines(), file: f, values: p.p.values}
	p.p.last, p.p.values = nil, nil
}

// parseFile parses src into p's arena: fresh memory unless reuse, when
// the chunks of the last file are handed out again.
func (p *parser) parseFile(fset *token.FileSet, filename string, src []byte, reuse bool) *ast.File {
	tf := fset.AddFile(filename, -1, len(src))
	hasCR := setLines(tf, src, p.spare.lines)
	p.spare.lines = nil // tf's now, if it was large enough
	toks, lexErrs := p.scanner.Append(p.tokBuf[:0], src)
	p.tokBuf = toks
	p.comments = p.scanner.Comments()
	if reuse {
		toks = toks[:len(toks):len(toks)]
	} else {
		// The buffer was sized by the largest file so far; the file gets
		// an exact copy (not zeroed first, as make-then-copy compiles).
		fresh := make([]ast.Token, len(toks))
		copy(fresh, toks)
		toks = fresh
	}
	f := p.spare.file
	if f == nil {
		f = new(ast.File)
	}
	p.spare.file = nil
	*f = ast.File{Name: filename, Tok: tf, Src: src, Tokens: toks}
	p.init(f, toks, reuse)
	p.hasCR = hasCR
	p.next()
	f.Expr = p.parseRoot()
	p.values = nil // a kept file's
	p.setStrippedValues(reuse)
	f.Comments = p.collectComments()
	f.Errors = mergeErrors(p, lexErrs)
	p.release(reuse)
	return f
}

// init prepares p for parsing f, with its arena's chunks kept for reuse
// or dropped.
func (p *parser) init(f *ast.File, toks []ast.Token, reuse bool) {
	p.file, p.src, p.toks = f, f.Src, toks
	if reuse {
		// The Parser's contract: src stays as it is while the tree's
		// strings are in use, so they can be substrings of it.
		p.text = unsafe.String(unsafe.SliceData(f.Src), len(f.Src))
	} else {
		p.text = string(f.Src)
	}
	p.base, p.i, p.tok = f.Tok.Base(), -1, ast.Token{}
	p.a.reset(reuse)
	if reuse {
		p.a.reserveFor(len(toks))
		return
	}
	var n [ast.OPERATOR + 1]int
	for _, t := range toks {
		n[t.Kind]++
	}
	p.a.reserve(&n)
}

// release drops p's references to the parsed file, keeping its scratch
// memory (emptied) and, when reuse, its arena.
func (p *parser) release(reuse bool) {
	p.fileState = fileState{}
	if !reuse {
		p.a.reset(false)
	}
	// What the scratch stacks held stays in their arrays: drop it, so
	// that a pooled parser keeps no tree alive, unless reuse, when it
	// refers only to nodes of the arena's kept chunks. (The operand stack
	// holds nothing: parseOp clears each operand it pops.)
	p.exprs.empty(reuse)
	p.bindings.empty(reuse)
	p.keys.empty(reuse)
	p.parts.empty(reuse)
	p.formals.empty(reuse)
	p.commentNodes.empty(reuse)
	p.vals = p.vals[:0]
	p.ops = p.ops[:0]
	p.buf = p.buf[:0]
}

// parser is the state of one ParseFile call (fileState) and the memory it
// keeps between calls.
type parser struct {
	fileState

	scanner  scanner.Scanner
	tokBuf   []ast.Token // the scanner's output, reused between files
	comments []int32     // indexes of the COMMENT tokens

	ops  []opFrame // operator stack shared by nested parseOp calls
	vals []ast.Expr
	a    arena

	// Scratch stacks for the items of nodes being built; they are empty
	// between nodes.
	exprs        stack[ast.Expr]
	bindings     stack[ast.Binding]
	keys         stack[ast.AttrKey]
	parts        stack[ast.StringPart]
	formals      stack[*ast.Formal]
	commentNodes stack[*ast.Comment]
	buf          []byte          // the stripped values of the file's indented strings
	stripped     []strippedValue // the parts whose values are in buf
	indLines     []indLine       // the line starts of the indented string being stripped

	// For a Parser: last is the file its last ParseFile returned, values
	// the memory of that file's stripped values, and spare the memory of
	// a file Recycle was told of, for the next.
	last   *ast.File
	values []byte
	spare  spare
}

// spare is the memory of a recycled file (see Parser.Recycle).
type spare struct {
	lines  []int
	file   *ast.File
	values []byte
}

// fileState is what a parser knows of the file being parsed.
type fileState struct {
	file  *ast.File
	src   []byte
	text  string // src as a string: identifiers and raw texts are substrings of it
	hasCR bool   // src has a CR, which string literals turn into LF
	toks  []ast.Token
	base  int

	i   int       // index in toks of the current token (never trivia)
	tok ast.Token // toks[i]

	depth   int  // current nesting, against MaxDepth
	bailed  bool // nesting limit hit: the rest of the input is skipped
	bailEnd int  // when bailed: prevEnd where the parser bailed

	// prevEnd's last answer, end, for the token at index endAt-1.
	endAt, end int

	errs        []ast.SyntaxError
	lastErrLine int
}

// pos converts a byte offset into a token.Pos.
func (p *parser) pos(off int) token.Pos { return token.Pos(p.base + off) }

// next advances to the next significant token; at EOF it stays.
func (p *parser) next() {
	// Before the first token, tok is the zero Token, which ends at 0.
	if p.tok.Kind != ast.EOF {
		p.skip()
	}
}

// skip moves from the current token, which is not EOF, to the next
// significant one. The scanner ends every stream with EOF, which is not
// trivia.
func (p *parser) skip() {
	i := p.i + 1
	for p.toks[i].Kind.IsTrivia() {
		i++
	}
	p.i, p.tok = i, p.toks[i]
}

// peek returns the kind of the n-th significant token after the current
// one (n >= 1).
func (p *parser) peek(n int) ast.TokenKind {
	for j := p.i + 1; j < len(p.toks); j++ {
		k := p.toks[j].Kind
		if k.IsTrivia() {
			continue
		}
		if n--; n == 0 || k == ast.EOF {
			return k
		}
	}
	return ast.EOF
}

// off and end are the current token's offsets; tokPos its position.
func (p *parser) off() int                { return int(p.tok.Offset) }
func (p *parser) tokPos() token.Pos       { return p.pos(int(p.tok.Offset)) }
func (p *parser) tokText() string         { return p.text[p.tok.Offset:p.tok.EndOffset] }
func (p *parser) is(k ast.TokenKind) bool { return p.tok.Kind == k }

// got consumes the current token when it is of kind k, returning its
// position, or returns token.NoPos. k is never EOF, which is not
// consumed: got skips the test next makes, to stay within the compiler's
// inlining budget.
func (p *parser) got(k ast.TokenKind) token.Pos {
	if p.tok.Kind != k {
		return token.NoPos
	}
	pos := p.tokPos()
	p.skip()
	return pos
}

// expect consumes a token of kind k or reports it missing, saying what
// Nix says was expected; it returns NoPos when the token is missing.
func (p *parser) expect(k ast.TokenKind, expecting string) token.Pos {
	if pos := p.got(k); pos.IsValid() {
		return pos
	}
	p.unexpected(expecting)
	return token.NoPos
}

// closeOr returns pos, the position of a closing token got consumed,
// when valid; else it reports the token missing, saying what Nix says was
// expected, and returns the position of the last byte consumed, so that
// a node whose closing token is missing still ends inside the file,
// after its last part. (It is expect for closing tokens, inlined: a call
// of expect per closing token cost more than the test.)
func (p *parser) closeOr(pos token.Pos, expecting string, width int) token.Pos {
	if pos.IsValid() {
		return pos
	}
	return p.missingClose(expecting, width)
}

// missingClose is closeOr for a missing closing token of width bytes. It
// is kept out of line, so that closeOr, which most closing tokens pass
// through, is inlined.
//
//go:noinline
func (p *parser) missingClose(expecting string, width int) token.Pos {
	p.unexpected(expecting)
	return p.closeAt(width)
}

// closeAt returns the position of a missing closing token of width
// bytes: that of the last byte consumed.
func (p *parser) closeAt(width int) token.Pos {
	return p.pos(max(p.prevEnd()-width, 0))
}

// prevEnd returns the end offset of the last significant token consumed
// (0 before the first): the one before the current token, unless the
// parser bailed out to EOF. Only error recovery and paths need it, so
// next does not keep it up to date. It remembers its answer for the
// current token: constructs left open at the same token (deep nesting
// that ends at EOF) ask it one after the other, and the trivia before
// the token may be many.
func (p *parser) prevEnd() int {
	if p.bailed {
		return p.bailEnd
	}
	if p.endAt != p.i+1 {
		p.endAt, p.end = p.i+1, 0
		for j := p.i - 1; j >= 0; j-- {
			if t := p.toks[j]; !t.Kind.IsTrivia() {
				p.end = int(t.EndOffset)
				break
			}
		}
	}
	return p.end
}

// enter counts one level of nesting; when the limit is hit it reports the
// error once and skips the rest of the input.
func (p *parser) enter() bool {
	if p.depth >= MaxDepth {
		p.bail()
		return false
	}
	p.depth++
	return true
}

func (p *parser) leave() { p.depth-- }

// bail reports that the input is nested too deeply and moves to EOF, so
// every open construct unwinds without further errors.
func (p *parser) bail() {
	if p.bailed {
		return
	}
	p.errorAt(p.off(), int(p.tok.EndOffset), ast.SyntaxErr, "expression nested too deeply")
	p.bailEnd = p.prevEnd()
	p.bailed = true
	p.i = len(p.toks) - 1
	p.tok = p.toks[p.i]
}

// bad returns a zero-width BadExpr right after the last token consumed,
// where the missing or malformed text should have been: it then lies
// within every node the parser closes after the error.
func (p *parser) bad() *ast.BadExpr {
	pos := p.pos(p.prevEnd())
	b := p.a.bad.new()
	*b = ast.BadExpr{From: pos, To: pos}
	return b
}

// parseRoot parses the whole input as one expression.
func (p *parser) parseRoot() ast.Expr {
	x := p.parseExpr()
	if !p.is(ast.EOF) {
		p.unexpected("end of file")
	}
	return x
}

// setLines records the file's line starts as Nix counts lines: after LF,
// after CR LF, and after a lone CR, so that reported line numbers agree
// with Nix's. The table is in spare if it is large enough (tf then owns
// it), else in memory of its own. It reports whether src has a CR.
func setLines(tf *token.File, src []byte, spare []int) (hasCR bool) {
	lines := spare[:0]
	if n := bytes.Count(src, []byte{'\n'}) + 1; cap(lines) < n {
		lines = make([]int, 0, n)
	}
	lines = append(lines, 0)
	if hasCR = bytes.IndexByte(src, '\r') >= 0; hasCR {
		lines = appendLinesCR(lines, src)
	} else {
		lines = appendLinesLF(lines, src)
	}
	tf.SetLines(lines)
	return hasCR
}

// appendLinesLF appends the starts of the lines after the first of src,
// which has no CR: one after each LF but a last one. It looks at eight
// bytes at a time: lines are short, and a call of bytes.IndexByte per
// line costs more than it saves.
func appendLinesLF(lines []int, src []byte) []int {
	const (
		ones = 0x0101010101010101
		lf   = '\n' * ones
		low7 = 0x7f * ones
	)
	i := 0
	for ; i+16 <= len(src); i += 16 {
		w := src[i : i+16 : i+16]
		// A byte of x is zero where src has LF; found has the high bit
		// of exactly those bytes set.
		x := binary.LittleEndian.Uint64(w) ^ lf
		y := binary.LittleEndian.Uint64(w[8:]) ^ lf
		found := ^((x&low7 + low7) | x | low7)
		found2 := ^((y&low7 + low7) | y | low7)
		if found|found2 == 0 {
			continue
		}
		for found != 0 {
			lines = append(lines, i+bits.TrailingZeros64(found)/8+1)
			found &= found - 1
		}
		for found2 != 0 {
			lines = append(lines, i+bits.TrailingZeros64(found2)/8+9)
			found2 &= found2 - 1
		}
	}
	for ; i < len(src); i++ {
		if src[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	// An LF that ends the file starts no line.
	if n := len(lines); n > 1 && lines[n-1] == len(src) {
		lines = lines[:n-1]
	}
	return lines
}

// appendLinesCR is appendLinesLF for a source with CRs: a line starts
// after each LF, CR LF or lone CR but a last one.
func appendLinesCR(lines []int, src []byte) []int {
	for i := 0; i < len(src); i++ {
		if c := src[i]; c != '\n' && c != '\r' {
			continue
		} else if c == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		if i+1 < len(src) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// mergeErrors combines the scanner's literal errors with the parser's
// syntax errors, in source order.
func mergeErrors(p *parser, lexErrs []scanner.Error) []ast.SyntaxError {
	if len(lexErrs) == 0 {
		return p.errs
	}
	errs := p.errs
	for _, e := range lexErrs {
		errs = append(errs, ast.SyntaxError{Kind: ast.InvalidLiteral, Pos: p.pos(e.Offset), End: p.pos(e.End), Msg: e.Msg})
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Pos < errs[j].Pos })
	return errs
}

// collectComments returns the file's comments, from the arena.
func (p *parser) collectComments() []*ast.Comment {
	for _, i := range p.comments {
		t := p.toks[i]
		c := p.a.comment.new()
		*c = ast.Comment{Slash: p.pos(int(t.Offset)), Text: p.text[t.Offset:t.EndOffset]}
		p.commentNodes.push(c)
	}
	return p.commentNodes.pop(0, &p.a.commentList)
}
