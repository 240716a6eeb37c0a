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
	// Attribute sets and lets are visited type by type (their lists, not
	// a merge of both), as the order of findings does not matter.
	in := nixpass.InspectorOf(pass)
	in.Preorder([]ast.Node{(*ast.AttrSetExpr)(nil)}, func(n ast.Node) {
		reportManualInheritFrom(pass, f, n.(*ast.AttrSetExpr).Bindings)
	})
	in.Preorder([]ast.Node{(*ast.LetExpr)(nil)}, func(n ast.Node) {
		reportManualInheritFrom(pass, f, n.(*ast.LetExpr).Bindings)
	})
	return nil, nil
}

// reportManualInheritFrom reports the bindings `a = x.a;` of a set or let.
func reportManualInheritFrom(pass *analysis.Pass, f *nixpass.File, bindings []ast.Binding) {
	for _, b := range bindings {
		// The value's type is told from the binding's interface value
		// first: most bindings are no selection, and their paths need
		// not be loaded.
		if d, ok := b.(*ast.AttrDef); !ok || !isSelect(d.Value) {
			continue
		}
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
}

// isSelect reports whether e is a selection.
func isSelect(e ast.Expr) bool {
	_, ok := e.(*ast.SelectExpr)
	return ok
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
