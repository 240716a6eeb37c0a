package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// SetLiteralUpdate reports `{ … } // { … }`, which one set can say.
var SetLiteralUpdate = pack.Rule("set-literal-update", analyzer.SeverityInfo, analyzer.FixNone, runSetLiteralUpdate)

func runSetLiteralUpdate(pass *analysis.Pass) (any, error) {
	each(pass, func(bin *ast.BinaryExpr, _ ast.Node) {
		if bin.Op != ast.OpUpdate || !isPlainSet(bin.X) || !isPlainSet(bin.Y) {
			return
		}
		// // is shallow: { a.b = 1; } // { a.c = 2; } drops a.b, and a
		// dynamic key may be any name. One set says the same only when
		// the top-level names are known and distinct.
		left, ok := topNames(bin.X.(*ast.AttrSetExpr))
		if !ok {
			return
		}
		right, ok := topNames(bin.Y.(*ast.AttrSetExpr))
		if !ok {
			return
		}
		for name := range right {
			if left[name] {
				return
			}
		}
		pass.Report(analysis.Diagnostic{
			Pos: bin.Pos(), End: bin.End(),
			Message: "update of one set literal with another: write one set",
		})
	})
	return nil, nil
}

// isPlainSet reports whether e is a non-recursive set literal.
func isPlainSet(e ast.Expr) bool {
	s, ok := e.(*ast.AttrSetExpr)
	return ok && !s.Rec.IsValid()
}

// topNames returns the first keys a set defines, or false when one of
// them is dynamic.
func topNames(s *ast.AttrSetExpr) (map[string]bool, bool) {
	names := map[string]bool{}
	for _, b := range s.Bindings {
		var keys []ast.AttrKey
		switch b := b.(type) {
		case *ast.AttrDef:
			keys = b.Path.Keys[:1]
		case *ast.Inherit:
			keys = b.Names
		}
		for _, k := range keys {
			name, ok := ast.KeyName(k)
			if !ok {
				return nil, false
			}
			names[name] = true
		}
	}
	return names, true
}
