package edit

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// RemoveBinding removes the binding b (an attribute definition or a
// whole inherit) from its set or let, together with the comment that
// ends its line when b starts that line (`a = 1; # about a`): that comment
// is about b. Comments above b, and after a binding that shares its line
// with others, stay.
func RemoveBinding(f *ast.File, b ast.Binding) analysis.TextEdit {
	return Delete(f, b.Pos(), withTrailingComment(f, b.Pos(), b.End()))
}

// withTrailingComment returns the end of the comment that follows [from,
// to) on its last line and ends that line, when only blanks precede from
// on its line; otherwise to.
func withTrailingComment(f *ast.File, from, to token.Pos) token.Pos {
	src := f.Src
	if !lineBlankBefore(src, f.Offset(from)) {
		return to
	}
	e := f.Offset(to)
	for e < len(src) && isBlank(src[e]) {
		e++
	}
	cs := f.CommentsIn(f.Tok.Pos(e), f.Tok.Pos(len(src)))
	if len(cs) == 0 || cs[0].Pos() != f.Tok.Pos(e) {
		return to
	}
	c := cs[0]
	if end := f.Offset(c.End()); strings.Contains(c.Text, "\n") || !restOfLineBlank(src, end) && end != len(src) {
		return to
	}
	return c.End()
}

// RemoveInheritName removes one name from an inherit that keeps others.
func RemoveInheritName(f *ast.File, name ast.Node) analysis.TextEdit {
	return Delete(f, name.Pos(), name.End())
}

// RemoveFormal removes formal i of fs together with one comma, so that
// the pattern keeps exactly one comma between the formals (and `...`) that
// remain. removed tells which formals of fs are being removed by fixes
// applied together with this one; their edits never overlap.
//
// A formal takes the comma after it; in a pattern without `...`, the
// trailing run of removed formals takes the commas before them instead,
// since the last formal has none after it. Whole lines go when a formal
// (with its comma) stood alone on them, whichever comma style is used:
//
//	{ a, b, ... }     { a
//	                  , b
//	                  , ...
//	                  }
func RemoveFormal(f *ast.File, fs *ast.Formals, i int, removed func(int) bool) analysis.TextEdit {
	formal := fs.List[i]
	from, to := formal.Pos(), formal.End()
	if inTrailingRun(fs, i, removed) {
		if i > 0 {
			from = fs.List[i-1].Comma
		}
	} else if formal.Comma.IsValid() {
		to = formal.Comma + 1
	}
	return Delete(f, from, to)
}

// inTrailingRun reports whether formal i is followed, up to the end of a
// pattern without `...`, only by removed formals.
func inTrailingRun(fs *ast.Formals, i int, removed func(int) bool) bool {
	if fs.Ellipsis.IsValid() || fs.List[len(fs.List)-1].Comma.IsValid() {
		return false
	}
	for j := i + 1; j < len(fs.List); j++ {
		if !removed(j) {
			return false
		}
	}
	return true
}
