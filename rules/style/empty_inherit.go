package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// EmptyInherit flags `inherit;` and `inherit (x);`, which bind nothing.
var EmptyInherit = pack.Rule("empty-inherit", analyzer.SeverityWarning, analyzer.FixSafe, runEmptyInherit)

func runEmptyInherit(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(in *ast.Inherit) {
		if len(in.Names) > 0 || !in.Semi.IsValid() {
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: in.Pos(), End: in.End(),
			Message:        "empty inherit: it binds nothing",
			SuggestedFixes: []analysis.SuggestedFix{edit.Fix("remove the empty inherit", edit.RemoveBinding(f.File, in))},
		})
	})
	return nil, nil
}
