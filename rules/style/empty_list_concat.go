package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// EmptyListConcat reports `[] ++ x` and `x ++ []`.
var EmptyListConcat = pack.Rule("empty-list-concat", analyzer.SeverityWarning, analyzer.FixSafe, runEmptyListConcat)

func runEmptyListConcat(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(bin *ast.BinaryExpr) {
		if bin.Op != ast.OpConcat {
			return
		}
		var del analysis.TextEdit
		switch {
		case isEmptyList(bin.X):
			del = edit.ReplaceSpan(bin.X.Pos(), bin.Y.Pos(), "")
		case isEmptyList(bin.Y):
			del = edit.ReplaceSpan(bin.X.End(), bin.Y.End(), "")
		default:
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: bin.Pos(), End: bin.End(),
			Message:        "concatenation with an empty list",
			SuggestedFixes: fixIf(!edit.DropsComment(f.File, del.Pos, del.End), edit.Fix("remove the empty list", del)),
		})
	})
	return nil, nil
}

func isEmptyList(e ast.Expr) bool {
	l, ok := e.(*ast.ListExpr)
	return ok && len(l.Elems) == 0
}
