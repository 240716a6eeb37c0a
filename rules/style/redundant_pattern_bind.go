package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// RedundantPatternBind reports `x@{ ... }:`, which is `x:`.
var RedundantPatternBind = pack.Rule("redundant-pattern-bind", analyzer.SeverityWarning, analyzer.FixSafe, runRedundantPatternBind)

func runRedundantPatternBind(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(lam *ast.LambdaExpr) {
		if lam.Arg == nil || lam.Formals == nil || len(lam.Formals.List) > 0 || !lam.Formals.Ellipsis.IsValid() {
			return
		}
		end := max(lam.Formals.End(), lam.Arg.End())
		pattern := edit.ReplaceSpan(lam.Pos(), end, lam.Arg.Name)
		pass.Report(analysis.Diagnostic{
			Pos: pattern.Pos, End: pattern.End,
			Message:        "the empty pattern binds nothing: write " + lam.Arg.Name,
			SuggestedFixes: fixIf(!edit.DropsComment(f.File, pattern.Pos, pattern.End), edit.Fix("write "+lam.Arg.Name, pattern)),
		})
	})
	return nil, nil
}
