package style

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// CollapsibleLetIn reports `let … in let … in e` that can be one let.
var CollapsibleLetIn = pack.Rule("collapsible-let-in", analyzer.SeverityWarning, analyzer.FixSafe, runCollapsibleLetIn)

func runCollapsibleLetIn(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(outer *ast.LetExpr) {
		if !outer.In.IsValid() || len(outer.Bindings) == 0 {
			return // an empty outer let is empty-let-in's
		}
		inner, ok := outer.Body.(*ast.LetExpr)
		if !ok || !inner.In.IsValid() || !mergeable(outer, inner) {
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: inner.Let, End: inner.In + token.Pos(len("in")),
			Message: "nested let … in: its bindings can join the enclosing let",
			SuggestedFixes: []analysis.SuggestedFix{edit.Fix("merge the lets",
				edit.DeleteBoth(f.File, outer.In, outer.In+token.Pos(len("in")), inner.Let, inner.Let+token.Pos(len("let")))...)},
		})
	})
	return nil, nil
}

// mergeable reports whether inner's bindings can move into outer without
// changing what any name refers to: no name is bound by both, and no
// binding of outer mentions a name inner binds (it would be captured).
func mergeable(outer, inner *ast.LetExpr) bool {
	innerNames := boundNames(inner.Bindings)
	for name := range boundNames(outer.Bindings) {
		if innerNames[name] {
			return false
		}
	}
	captured := false
	for _, b := range outer.Bindings {
		ast.Inspect(b, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && innerNames[id.Name] {
				captured = true
			}
			return !captured
		})
	}
	return !captured
}

// boundNames returns the names bindings define (first keys and inherited
// names).
func boundNames(bindings []ast.Binding) map[string]bool {
	names := map[string]bool{}
	for _, b := range bindings {
		switch b := b.(type) {
		case *ast.AttrDef:
			if name, ok := ast.KeyName(b.Path.Keys[0]); ok {
				names[name] = true
			}
		case *ast.Inherit:
			for _, k := range b.Names {
				if name, ok := ast.KeyName(k); ok {
					names[name] = true
				}
			}
		}
	}
	return names
}
