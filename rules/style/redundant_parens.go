package style

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// RedundantParens reports parentheses that change nothing.
var RedundantParens = newRule("redundant-parens", analyzer.SeverityWarning, analyzer.FixSafe, runRedundantParens)

func runRedundantParens(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	inspect(pass, []ast.Node{(*ast.ParenExpr)(nil)}, func(n, parent ast.Node) {
		p, ok := n.(*ast.ParenExpr)
		if !ok || !redundant(f.File, p, parent) {
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: p.Pos(), End: p.End(),
			Message:        "redundant parentheses",
			SuggestedFixes: []analysis.SuggestedFix{edit.Fix("remove the parentheses", edit.Unwrap(f.File, p.Lparen, p.Rparen)...)},
		})
	})
	return nil, nil
}

// redundant reports whether p can go: its content is an atom that stays
// one token group anywhere, or p stands where any expression may (a
// binding's value, a let body, an interpolation, inside other
// parentheses, the whole file).
func redundant(f *ast.File, p *ast.ParenExpr, parent ast.Node) bool {
	switch parent := parent.(type) {
	case nil, *ast.File, *ast.ParenExpr, *ast.Interpolation:
		return true
	case *ast.AttrDef:
		return parent.Value == ast.Expr(p)
	case *ast.LetExpr:
		return parent.Body == ast.Expr(p)
	}
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
