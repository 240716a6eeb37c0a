package style

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// EmptyLetIn reports `let in e`, which is e.
var EmptyLetIn = pack.Rule("empty-let-in", analyzer.SeverityWarning, analyzer.FixSafe, runEmptyLetIn)

func runEmptyLetIn(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(let *ast.LetExpr) {
		if len(let.Bindings) > 0 || !let.In.IsValid() {
			return
		}
		in := let.In + token.Pos(len("in"))
		pass.Report(analysis.Diagnostic{
			Pos: let.Let, End: in,
			Message: "empty let … in: it binds nothing",
			// Only the keywords go: comments between them stay.
			SuggestedFixes: []analysis.SuggestedFix{edit.Fix("remove let … in",
				edit.DeleteBoth(f.File, let.Let, let.Let+token.Pos(len("let")), let.In, in)...)},
		})
	})
	return nil, nil
}
