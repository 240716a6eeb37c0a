package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixshape"
)

// ManualInheritFrom reports `a = x.a;`, which is `inherit (x) a;`.
var ManualInheritFrom = pack.Rule("manual-inherit-from", analyzer.SeverityWarning, analyzer.FixSafe, runManualInheritFrom)

func runManualInheritFrom(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.AttrSetExpr)(nil), (*ast.LetExpr)(nil)}, func(n ast.Node) {
		var bindings []ast.Binding
		switch n := n.(type) {
		case *ast.AttrSetExpr:
			bindings = n.Bindings
		case *ast.LetExpr:
			bindings = n.Bindings
		default:
			return
		}
		for _, b := range bindings {
			def, name := singleNameDef(b)
			if def == nil {
				continue
			}
			sel, ok := def.Value.(*ast.SelectExpr)
			if !ok || sel.Default != nil {
				continue
			}
			// Only names: inherit (f x) a; reads worse than a = (f x).a;.
			if !isNamePath(ast.Unparen(sel.X)) {
				continue
			}
			keys := sel.Path.Keys
			last, ok := keys[len(keys)-1].(*ast.Name)
			if !ok || last.Name != name.Name || nixshape.HasDocComment(f.File, def) {
				continue // a documented binding is a name of its own on purpose (nixdoc)
			}
			// x.b.a gives inherit (x.b) a; (x).a gives inherit (x) a.
			from := f.Text(ast.Unparen(sel.X))
			if len(keys) > 1 {
				from = string(f.Src[f.Offset(sel.X.Pos()):f.Offset(keys[len(keys)-2].End())])
			}
			text := "inherit (" + from + ") " + name.Name + ";"
			pass.Report(analysis.Diagnostic{
				Pos: def.Pos(), End: def.End(),
				Message:        "assignment of " + f.Text(sel) + " to " + name.Name + ": write " + text,
				SuggestedFixes: fixIf(!edit.DropsComment(f.File, def.Pos(), def.End()), edit.Fix("write "+text, edit.Replace(def, text))),
			})
		}
	})
	return nil, nil
}

// isNamePath reports whether e is a name or a selection of static names
// from one (lib, lib.strings).
func isNamePath(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.SelectExpr:
		_, static := e.Path.PathNames()
		return e.Default == nil && static && isNamePath(e.X)
	}
	return false
}
