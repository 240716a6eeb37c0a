package style

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// LegacyLetSyntax reports the deprecated `let { …; body = …; }`.
var LegacyLetSyntax = pack.Rule("legacy-let-syntax", analyzer.SeverityWarning, analyzer.FixSafe, runLegacyLetSyntax)

func runLegacyLetSyntax(pass *analysis.Pass) (any, error) {
	each(pass, func(let *ast.LegacyLetExpr) {
		// rec { …; body = …; }.body means exactly what the legacy let
		// means, and keeps every binding and comment where it is.
		pass.Report(analysis.Diagnostic{
			Pos: let.Let, End: let.Lbrace + 1,
			Message: "legacy let { … } syntax: write rec { … }.body or let … in",
			SuggestedFixes: []analysis.SuggestedFix{edit.Fix("write rec { … }.body",
				edit.ReplaceSpan(let.Let, let.Let+token.Pos(len("let")), "rec"),
				edit.ReplaceSpan(let.End(), let.End(), ".body"))},
		})
	})
	return nil, nil
}
