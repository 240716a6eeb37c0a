package style

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixshape"
)

// SetLiteralUpdate reports `{ … } // { … }`, which one set can say.
var SetLiteralUpdate = pack.Rule("set-literal-update", analyzer.SeverityInfo, analyzer.FixNone, runSetLiteralUpdate)

func runSetLiteralUpdate(pass *analysis.Pass) (any, error) {
	each(pass, func(bin *ast.BinaryExpr) {
		if bin.Op != ast.OpUpdate || !isPlainSet(bin.X) || !isPlainSet(bin.Y) {
			return
		}
		// // is shallow: { a.b = 1; } // { a.c = 2; } drops a.b, and a
		// dynamic key may be any name. One set says the same only when
		// the top-level names are known and distinct.
		left, ok := nixshape.TopKeys(bin.X.(*ast.AttrSetExpr))
		if !ok {
			return
		}
		right, ok := nixshape.TopKeys(bin.Y.(*ast.AttrSetExpr))
		if !ok {
			return
		}
		for _, name := range right {
			if slices.Contains(left, name) {
				return
			}
		}
		pass.Report(analysis.Diagnostic{
			Pos: bin.Pos(), End: bin.End(),
			Message: "update of one set literal with another: write one set",
		})
	})
	return nil, nil
}

// isPlainSet reports whether e is a non-recursive set literal.
func isPlainSet(e ast.Expr) bool {
	s, ok := e.(*ast.AttrSetExpr)
	return ok && !s.Rec.IsValid()
}
