package edit

import (
	"sort"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// SameTokens reports whether a and b are written with the same tokens,
// ignoring layout and comments: x.a and x . a are the same, x.a and y.a
// are not.
func SameTokens(f *ast.File, a, b ast.Node) bool {
	ta, tb := tokensIn(f, a), tokensIn(f, b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if string(f.Src[ta[i].Offset:ta[i].EndOffset]) != string(f.Src[tb[i].Offset:tb[i].EndOffset]) {
			return false
		}
	}
	return true
}

// tokensIn returns the non-trivia tokens of n.
func tokensIn(f *ast.File, n ast.Node) []ast.Token {
	from, to := int32(f.Offset(n.Pos())), int32(f.Offset(n.End()))
	i := sort.Search(len(f.Tokens), func(i int) bool { return f.Tokens[i].Offset >= from })
	var out []ast.Token
	for ; i < len(f.Tokens) && f.Tokens[i].EndOffset <= to; i++ {
		if t := f.Tokens[i]; !t.Kind.IsTrivia() && t.Kind != ast.EOF && t.Offset < t.EndOffset {
			out = append(out, t)
		}
	}
	return out
}

// DropsCommentOutside reports whether a comment lies in outer but in none
// of the kept nodes: replacing outer by the text of the kept nodes would
// lose it.
func DropsCommentOutside(f *ast.File, outer ast.Node, kept ...ast.Node) bool {
outer:
	for _, c := range f.CommentsIn(outer.Pos(), outer.End()) {
		for _, k := range kept {
			if k.Pos() <= c.Pos() && c.End() <= k.End() {
				continue outer
			}
		}
		return true
	}
	return false
}
