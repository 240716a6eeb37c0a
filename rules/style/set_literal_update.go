package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// SetLiteralUpdate reports `{ … } // { … }`, which one set can say.
var SetLiteralUpdate = newRule("set-literal-update", analyzer.SeverityInfo, analyzer.FixNone, runSetLiteralUpdate)

func runSetLiteralUpdate(pass *analysis.Pass) (any, error) {
	inspect(pass, []ast.Node{(*ast.BinaryExpr)(nil)}, func(n, _ ast.Node) {
		bin, ok := n.(*ast.BinaryExpr)
		if !ok || bin.Op != ast.OpUpdate || !isPlainSet(bin.X) || !isPlainSet(bin.Y) {
			return
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
