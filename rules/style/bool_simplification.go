package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// BoolSimplification reports !(a == b) and !(a != b).
var BoolSimplification = pack.Rule("bool-simplification", analyzer.SeverityWarning, analyzer.FixSafe, runBoolSimplification)

func runBoolSimplification(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(not *ast.UnaryExpr) {
		if not.Op != ast.OpNot {
			return
		}
		paren, ok := not.X.(*ast.ParenExpr)
		if !ok {
			return
		}
		cmp, ok := paren.X.(*ast.BinaryExpr)
		if !ok || (cmp.Op != ast.OpEq && cmp.Op != ast.OpNEq) {
			return
		}
		op := "!="
		if cmp.Op == ast.OpNEq {
			op = "=="
		}
		// Edit in place, so comments inside stay: drop "!(" and ")" (or
		// only "!" where the comparison needs its parentheses) and turn
		// the operator around.
		edits := []analysis.TextEdit{
			edit.ReplaceSpan(not.OpPos, paren.Lparen, ""),
			edit.ReplaceSpan(cmp.OpPos, cmp.OpPos+2, op),
		}
		if parent := edit.Parent(f.File, not); parent == nil || edit.Fits(parent, not, edit.PrecEq) {
			edits = append(edits, edit.Unwrap(f.File, paren.Lparen, paren.Rparen)...)
		}
		pass.Report(analysis.Diagnostic{
			Pos: not.Pos(), End: not.End(),
			Message:        "negated comparison: write " + op,
			SuggestedFixes: []analysis.SuggestedFix{edit.Fix("write "+op, edits...)},
		})
	})
	return nil, nil
}
