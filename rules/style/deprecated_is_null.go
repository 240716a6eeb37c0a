package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// DeprecatedIsNull reports isNull, which x == null replaces.
var DeprecatedIsNull = pack.Rule("deprecated-is-null", analyzer.SeverityWarning, analyzer.FixSafe, runDeprecatedIsNull)

// isNullWord is the name the rule's prefilter looks for.
var isNullWord = edit.NewWord("isNull")

func runDeprecatedIsNull(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if !mayName(f, nixpass.InspectorOf(pass), isNullWord) {
		return nil, nil
	}
	// Calls isNull x are reported as a whole (with a fix); the function
	// inside them is not reported again.
	var inCall map[ast.Node]bool
	types := []ast.Node{(*ast.CallExpr)(nil), (*ast.Ident)(nil), (*ast.SelectExpr)(nil)}
	nixpass.InspectorOf(pass).Preorder(types, func(n ast.Node) {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 && builtinRef(f, call.Fun, "isNull") {
			if inCall == nil {
				inCall = map[ast.Node]bool{}
			}
			inCall[call.Fun] = true
			reportIsNullCall(pass, f, call)
			return
		}
		if e, ok := n.(ast.Expr); ok && !inCall[e] && builtinRef(f, e, "isNull") {
			pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Message: "isNull is deprecated: compare with == null"})
		}
	})
	return nil, nil
}

// reportIsNullCall reports isNull x with a fix writing x == null, or
// x != null in place of !isNull x.
func reportIsNullCall(pass *analysis.Pass, f *nixpass.File, call *ast.CallExpr) {
	arg := f.Text(call.Args[0])
	replaced, text := ast.Node(call), arg+" == null"
	stack, _ := edit.Ancestors(f.File, call)
	parent := top(stack, 0)
	if not, ok := parent.(*ast.UnaryExpr); ok && not.Op == ast.OpNot {
		replaced, text = not, arg+" != null"
		parent = top(stack, 1)
	}
	if parent != nil {
		text = edit.Parenthesize(parent, replaced, edit.PrecEq, text)
	}
	pass.Report(analysis.Diagnostic{
		Pos: call.Pos(), End: call.End(),
		Message:        "isNull is deprecated: write " + text,
		SuggestedFixes: fixIf(!edit.DropsCommentOutside(f.File, replaced, call.Args[0]), edit.Fix("write "+text, edit.Replace(replaced, text))),
	})
}

// top returns the node i below the top of stack (its last node for 0),
// or nil.
func top(stack []ast.Node, i int) ast.Node {
	if len(stack) <= i {
		return nil
	}
	return stack[len(stack)-1-i]
}
