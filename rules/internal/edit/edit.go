// Package edit builds the text edits of nixaudit's suggested fixes.
//
// Fixes edit as little text as possible, so that comments and the
// author's layout survive: removing a binding or a formal takes its line
// with it when it stood alone on that line, and leaves the comments
// around it in place, except the comment ending the line of a binding
// that starts its line, which is about that binding. Fixes that would
// have to drop any other comment check DropsComment first and are not
// offered.
package edit

import (
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Replace replaces the text of n with text.
func Replace(n ast.Node, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}
}

// ReplaceSpan replaces the text in [from, to) with text.
func ReplaceSpan(from, to token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: from, End: to, NewText: []byte(text)}
}

// Fix bundles edits into a suggested fix.
func Fix(message string, edits ...analysis.TextEdit) analysis.SuggestedFix {
	return analysis.SuggestedFix{Message: message, TextEdits: edits}
}

// DropsComment reports whether a comment lies in [from, to).
func DropsComment(f *ast.File, from, to token.Pos) bool {
	return len(f.CommentsIn(from, to)) > 0
}

// DeleteBoth removes the texts [from1, to1) and [from2, to2), the second
// after the first, as Delete does each (two keywords: `let` and `in`).
// With only blanks between them they go as one span: the blanks each
// Delete would take could overlap, and a fix with overlapping edits is
// never applied.
func DeleteBoth(f *ast.File, from1, to1, from2, to2 token.Pos) []analysis.TextEdit {
	between := f.Src[f.Offset(to1):f.Offset(from2)]
	if strings.Trim(string(between), " \t") == "" {
		return []analysis.TextEdit{Delete(f, from1, to2)}
	}
	return []analysis.TextEdit{Delete(f, from1, to1), Delete(f, from2, to2)}
}

// Delete removes the text in [from, to) and the layout that only served
// it: when the span is alone on its lines (nothing but blanks before it
// and after it on them), the whole lines go, newline included; otherwise
// the blanks on one side go too, so that no double blank or trailing
// blank is left behind, and a
// blank is kept where two tokens would otherwise run together. Comments
// outside the span are never touched.
func Delete(f *ast.File, from, to token.Pos) analysis.TextEdit {
	src := f.Src
	s, e := f.Offset(from), f.Offset(to)
	ls := s
	for ls > 0 && isBlank(src[ls-1]) {
		ls--
	}
	le := e
	for le < len(src) && isBlank(src[le]) {
		le++
	}
	startsLine := ls == 0 || src[ls-1] == '\n'
	endsLine := le == len(src) || src[le] == '\n' || src[le] == '\r'
	switch {
	case startsLine && endsLine:
		if le < len(src) && src[le] == '\r' {
			le++
		}
		if le < len(src) && src[le] == '\n' {
			le++
		} else if ls > 0 {
			ls-- // the last line of the file: take the newline before it
		}
		s, e = ls, le
	case endsLine:
		s = ls
	case ls < s && le > e:
		// Blanks on both sides: take the ones after, so no double blank
		// is left.
		e = le
	case ls < s:
		// Blanks before only, as in `inherit a b;` losing b.
		s = ls
	case le > e && (startsLine || strings.IndexByte("{[(", src[s-1]) >= 0):
		// At the start of a line, or right after an opening bracket, as
		// in `[a b]` losing a.
		e = le
	case s > 0 && e < len(src) && joins(src[s-1], src[e]):
		base := f.Tok.Base()
		return analysis.TextEdit{Pos: token.Pos(base + s), End: token.Pos(base + e), NewText: []byte(" ")}
	}
	base := f.Tok.Base()
	return analysis.TextEdit{Pos: token.Pos(base + s), End: token.Pos(base + e)}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// joins reports whether the bytes a and b, once adjacent, would lex as
// one token (or change the tokens they belong to).
func joins(a, b byte) bool { return isWordByte(a) && isWordByte(b) }

// isWordByte reports whether c can continue an identifier, number, path
// or URI, so that a token ending in c followed by one starting with the
// next byte would lex differently without a blank between them.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '\'' || c == '-' || c == '.' || c == '/' || c == '+' || c == '~' || c == ':'
}

// Separate returns text with a blank added at either end where, put in
// place of [from, to), it would otherwise run into the neighbouring
// token.
func Separate(f *ast.File, from, to token.Pos, text string) string {
	if text == "" {
		return text
	}
	s, e := f.Offset(from), f.Offset(to)
	if s > 0 && joins(f.Src[s-1], text[0]) {
		text = " " + text
	}
	if e < len(f.Src) && joins(text[len(text)-1], f.Src[e]) {
		text += " "
	}
	return text
}

// Unwrap removes the one-byte delimiters at open and close (such as the
// parentheses of (x)), leaving a blank in place of one where the tokens
// on both sides would otherwise run together: f(x) becomes f x, not fx.
// Delimiters on lines of their own take their layout with them:
//
//	a = (          a =
//	  f x     →      f x;
//	);
func Unwrap(f *ast.File, open, close token.Pos) []analysis.TextEdit {
	src := f.Src
	drop := func(o int) analysis.TextEdit {
		text := ""
		if o > 0 && o+1 < len(src) && joins(src[o-1], src[o+1]) {
			text = " "
		}
		return ReplaceSpan(f.Tok.Pos(o), f.Tok.Pos(o+1), text)
	}
	o, c := f.Offset(open), f.Offset(close)
	first := drop(o)
	if restOfLineBlank(src, o+1) {
		s := o
		for s > 0 && isBlank(src[s-1]) {
			s--
		}
		e := o + 1
		if s == 0 || src[s-1] == '\n' {
			// Alone on its line: the line goes.
			e = lineEnd(src, e)
		}
		first = ReplaceSpan(f.Tok.Pos(s), f.Tok.Pos(e), "")
	}
	last := drop(c)
	if startsSelection(f, c) {
		last = ReplaceSpan(f.Tok.Pos(c), f.Tok.Pos(c+1), "")
	}
	if p := lastNonSpace(src, c); p > o && lineBlankBefore(src, c) && !inLineComment(f, p) {
		last = ReplaceSpan(f.Tok.Pos(p+1), f.Tok.Pos(c+1), "")
	}
	return []analysis.TextEdit{first, last}
}

// lineEnd returns the offset after the line break that ends the line of
// offset i (CRLF included), or len(src).
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return min(i+1, len(src))
}

// startsSelection reports whether the closing delimiter at offset c
// follows an identifier or indented string and is followed by the dot of
// an attribute selection, as in (x).b: x.b lexes as x . b again (had the
// dot begun a path or a float, the lexer would not have made it a dot
// after the delimiter either), so no blank is needed.
func startsSelection(f *ast.File, c int) bool {
	i := sort.Search(len(f.Tokens), func(i int) bool { return int(f.Tokens[i].Offset) >= c })
	if i == 0 || i+2 >= len(f.Tokens) || int(f.Tokens[i].Offset) != c {
		return false
	}
	before, dot, attr := f.Tokens[i-1], f.Tokens[i+1], f.Tokens[i+2]
	return (before.Kind == ast.IDENT || before.Kind == ast.IND_CLOSE) && int(before.EndOffset) == c &&
		dot.Kind == ast.DOT && int(dot.Offset) == c+1 &&
		(attr.Kind == ast.IDENT || attr.Kind == ast.STRING_OPEN || attr.Kind == ast.INTERP_OPEN)
}

// restOfLineBlank reports whether only blanks lie between offset i and
// the end of its line.
func restOfLineBlank(src []byte, i int) bool {
	for ; i < len(src) && src[i] != '\n'; i++ {
		if !isBlank(src[i]) && src[i] != '\r' {
			return false
		}
	}
	return i < len(src)
}

// lineBlankBefore reports whether only blanks precede offset i on its
// line.
func lineBlankBefore(src []byte, i int) bool {
	for i--; i >= 0 && src[i] != '\n'; i-- {
		if !isBlank(src[i]) {
			return false
		}
	}
	return true
}

// lastNonSpace returns the offset of the last byte before i that is not
// a blank or a line break, or -1.
func lastNonSpace(src []byte, i int) int {
	for i--; i >= 0; i-- {
		if !isBlank(src[i]) && src[i] != '\n' && src[i] != '\r' {
			return i
		}
	}
	return -1
}

// inLineComment reports whether offset p, the last byte before a line
// break, ends a # comment, which a token joined after it would become
// part of.
func inLineComment(f *ast.File, p int) bool {
	cs := f.CommentsIn(f.Pos(), f.Tok.Pos(p+1))
	if len(cs) == 0 {
		return false
	}
	c := cs[len(cs)-1]
	return c.End() == f.Tok.Pos(p+1) && strings.HasPrefix(c.Text, "#")
}

// Dedent removes indent from the start of every line that starts in
// [from, to), so that code taken out of a bracket keeps its shape. It
// returns nil (no change) when a line that is not blank starts without
// indent, or when a line starts inside a string, whose text would change.
func Dedent(f *ast.File, from, to token.Pos, indent string) []analysis.TextEdit {
	if indent == "" {
		return nil
	}
	src := f.Src
	var edits []analysis.TextEdit
	for s := f.Offset(from); s < f.Offset(to); s = lineEnd(src, s) {
		if s > 0 && src[s-1] != '\n' {
			continue // from is mid-line: its line is not this edit's
		}
		if inString(f, s) {
			return nil
		}
		if restOfLineBlank(src, s) {
			continue
		}
		if !strings.HasPrefix(string(src[s:min(s+len(indent), len(src))]), indent) {
			return nil
		}
		edits = append(edits, ReplaceSpan(f.Tok.Pos(s), f.Tok.Pos(s+len(indent)), ""))
	}
	return edits
}

// inString reports whether offset i lies inside the text of a string.
func inString(f *ast.File, i int) bool {
	j := sort.Search(len(f.Tokens), func(j int) bool { return int(f.Tokens[j].EndOffset) > i })
	return j < len(f.Tokens) && f.Tokens[j].Kind == ast.STRING_TEXT && int(f.Tokens[j].Offset) < i
}
