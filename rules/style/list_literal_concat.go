package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// ListLiteralConcat reports `[ a ] ++ [ b ]`, which is `[ a b ]`.
var ListLiteralConcat = pack.Rule("list-literal-concat", analyzer.SeverityWarning, analyzer.FixSafe, runListLiteralConcat)

func runListLiteralConcat(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(bin *ast.BinaryExpr) {
		if bin.Op != ast.OpConcat {
			return
		}
		left, ok := bin.X.(*ast.ListExpr)
		if !ok || len(left.Elems) == 0 {
			return
		}
		// In [ a ] ++ [ b ] ++ c, ++ groups to the right: the list after
		// the operator is the leftmost operand of the right side.
		right := leftmostList(bin.Y)
		if right == nil || len(right.Elems) == 0 {
			return
		}
		// Join the lists: remove from the end of a's last element to the
		// second [, which leaves the second list's layout in place.
		from, to := left.Elems[len(left.Elems)-1].End(), right.Lbrack+1
		sep := ""
		if !isSeparator(f.File, to) {
			sep = " " // [a] ++ [b] gives [a b]
		}
		pass.Report(analysis.Diagnostic{
			Pos: left.Pos(), End: right.End(),
			Message:        "concatenation of list literals: write one list",
			SuggestedFixes: fixIf(!edit.DropsComment(f.File, from, to), edit.Fix("merge the lists", edit.ReplaceSpan(from, to, sep))),
		})
	})
	return nil, nil
}

// leftmostList returns the list literal e starts with, when e is one or a
// chain of ++ that starts with one.
func leftmostList(e ast.Expr) *ast.ListExpr {
	for {
		switch x := e.(type) {
		case *ast.ListExpr:
			return x
		case *ast.BinaryExpr:
			if x.Op != ast.OpConcat {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}
