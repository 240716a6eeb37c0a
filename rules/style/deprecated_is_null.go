package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// DeprecatedIsNull reports isNull, which x == null replaces.
var DeprecatedIsNull = newRule("deprecated-is-null", analyzer.SeverityWarning, analyzer.FixSafe, runDeprecatedIsNull)

func runDeprecatedIsNull(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	// Calls isNull x are reported as a whole (with a fix); the function
	// inside them is not reported again.
	inCall := map[ast.Node]bool{}
	inspect(pass, []ast.Node{(*ast.CallExpr)(nil), (*ast.Ident)(nil), (*ast.SelectExpr)(nil)}, func(n, parent ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 && builtinRef(f, call.Fun, "isNull") {
			inCall[call.Fun] = true
			text := f.Text(call.Args[0]) + " == null"
			if parent != nil {
				text = edit.Parenthesize(parent, call, edit.PrecEq, text)
			}
			pass.Report(analysis.Diagnostic{
				Pos: call.Pos(), End: call.End(),
				Message:        "isNull is deprecated: write " + text,
				SuggestedFixes: fixIf(!edit.DropsCommentOutside(f.File, call, call.Args[0]), edit.Fix("write "+text, edit.Replace(call, text))),
			})
			return
		}
		if e, ok := n.(ast.Expr); ok && !inCall[e] && builtinRef(f, e, "isNull") {
			pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Message: "isNull is deprecated: compare with == null"})
		}
	})
	return nil, nil
}
