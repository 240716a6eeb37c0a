package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// URLLiteral flags unquoted URIs, deprecated by RFC 45.
var URLLiteral = pack.Rule("url-literal", analyzer.SeverityWarning, analyzer.FixSafe, runURLLiteral)

func runURLLiteral(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(n *ast.URIExpr) {
		pass.Report(analysis.Diagnostic{
			Pos: n.Pos(), End: n.End(),
			Message: "URL literal: quote it (RFC 45)",
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "quote the URL",
				TextEdits: []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(`"` + f.Text(n) + `"`)}},
			}},
		})
	})
	return nil, nil
}
