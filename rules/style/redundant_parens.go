package style

import (
	"bytes"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// RedundantParens reports parentheses that change nothing.
var RedundantParens = pack.Rule("redundant-parens", analyzer.SeverityWarning, analyzer.FixSafe, runRedundantParens)

func runRedundantParens(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	nixpass.InspectorOf(pass).WithStack([]ast.Node{(*ast.ParenExpr)(nil)}, func(n ast.Node, stack []ast.Node) {
		p := n.(*ast.ParenExpr)
		if !standsAnywhere(f.File, p, stack) && !atomic(f.File, p) {
			return
		}
		edits := edit.Unwrap(f.File, p.Lparen, p.Rparen)
		if ast.Expr(p) == f.Expr {
			edits = append(edits, dedentWholeFile(f.File, p)...)
		}
		pass.Report(analysis.Diagnostic{
			Pos: p.Pos(), End: p.End(),
			Message:        "redundant parentheses",
			SuggestedFixes: []analysis.SuggestedFix{edit.Fix("remove the parentheses", edits...)},
		})
	})
	return nil, nil
}

// atomic reports whether the content of p stays one token group
// anywhere, so the parentheses can go wherever p stands.
func atomic(f *ast.File, p *ast.ParenExpr) bool {
	switch x := p.X.(type) {
	case *ast.Ident:
		return x.Name != "or" // `(or)` is the only way to apply a function to a variable named or
	case *ast.StringExpr, *ast.ListExpr, *ast.AttrSetExpr, *ast.ParenExpr, *ast.LookupPathExpr:
		return true
	case *ast.SelectExpr:
		// (a.b or c) d is not a.b or c d.
		return x.Default == nil
	case *ast.IntLit, *ast.FloatLit, *ast.PathExpr, *ast.URIExpr:
		// (./a).b is not ./a.b, nor (1).x 1.x: only before a separator.
		return isSeparator(f, p.Rparen+1)
	}
	return false
}

// isSeparator reports whether the byte at p cannot continue a token: a
// blank, a newline, a delimiter or the end of the file.
func isSeparator(f *ast.File, p token.Pos) bool {
	o := f.Offset(p)
	return o >= len(f.Src) || strings.IndexByte(" \t\r\n;,)]}", f.Src[o]) >= 0
}

// standsAnywhere reports whether p, whose ancestors are stack, stands
// in a place where any expression may stand, or inside parentheses that
// themselves do: a binding's value, a let body, an interpolation, the
// whole file. (In f ((x: x)) only one pair can go: the inner parentheses
// are not redundant merely for being inside the outer ones, or removing
// both pairs would break the call.)
func standsAnywhere(f *ast.File, p *ast.ParenExpr, stack []ast.Node) bool {
	var child ast.Node = p
	for i := len(stack) - 1; i >= 0; i-- {
		switch a := stack[i].(type) {
		case *ast.ParenExpr: // around child: look further up
		case *ast.AttrDef:
			return a.Value == child
		case *ast.LetExpr:
			return a.Body == child
		case *ast.Interpolation:
			return a.X == child
		default:
			return child == f.Expr
		}
		child = stack[i]
	}
	return child == f.Expr
}

// dedentWholeFile returns the edits that move the content of p, the
// parentheses around a whole file written on lines of their own, back to
// the first column:
//
//	(                       { lib, ... }:
//	  { lib, ... }:    →    { }
//	  { }
//	)
func dedentWholeFile(f *ast.File, p *ast.ParenExpr) []analysis.TextEdit {
	start, end := f.Offset(p.X.Pos()), f.Offset(p.X.End())
	first := bytes.LastIndexByte(f.Src[:start], '\n') + 1
	if first <= f.Offset(p.Lparen) || len(bytes.TrimLeft(f.Src[first:start], " \t")) > 0 ||
		bytes.IndexByte(f.Src[end:f.Offset(p.Rparen)], '\n') < 0 {
		return nil // not ( and ) on lines of their own
	}
	return edit.Dedent(f, f.Tok.Pos(first), p.X.End(), string(f.Src[first:start]))
}
