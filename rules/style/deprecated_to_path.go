package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// DeprecatedToPath reports builtins.toPath.
var DeprecatedToPath = pack.Rule("deprecated-to-path", analyzer.SeverityWarning, analyzer.FixNone, runDeprecatedToPath)

// toPathWord is the name the rule's prefilter looks for.
var toPathWord = edit.NewWord("toPath")

func runDeprecatedToPath(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if !mayName(f, nixpass.InspectorOf(pass), toPathWord) {
		return nil, nil
	}
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.Ident)(nil), (*ast.SelectExpr)(nil)}, func(n ast.Node) {
		if e, ok := n.(ast.Expr); ok && builtinRef(f, e, "toPath") {
			pass.Report(analysis.Diagnostic{
				Pos: e.Pos(), End: e.End(),
				Message: "builtins.toPath is deprecated: use /. + s for an absolute path, or builtins.path",
			})
		}
	})
	return nil, nil
}
