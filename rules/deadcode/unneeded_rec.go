package deadcode

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// UnneededRec reports `rec { … }` whose attributes never refer to each
// other.
var UnneededRec = pack.Rule("unneeded-rec", analyzer.SeverityWarning, analyzer.FixSafe, runUnneededRec)

func runUnneededRec(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	// Every use counts, dead ones too: without rec, a name used in dead
	// code would be undefined, and Nix rejects undefined names anywhere.
	needed := map[ast.Expr]bool{}
	for _, d := range f.Info.Defs {
		if d.Kind == scope.RecDef && len(d.Uses) > 0 {
			needed[d.Owner] = true
		}
	}
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.AttrSetExpr)(nil)}, func(n ast.Node) {
		set := n.(*ast.AttrSetExpr)
		if !set.Rec.IsValid() || needed[set] || hasOverrides(set) {
			return
		}
		keyword := edit.ReplaceSpan(set.Rec, set.Rec+token.Pos(len("rec")), "")
		diag := analysis.Diagnostic{Pos: keyword.Pos, End: keyword.End, Message: "rec set whose attributes never refer to each other"}
		if !edit.DropsComment(f.File, set.Rec, set.Lbrace) {
			diag.SuggestedFixes = []analysis.SuggestedFix{edit.Fix("remove rec", edit.ReplaceSpan(set.Rec, set.Lbrace, ""))}
		}
		pass.Report(diag)
	})
	return nil, nil
}

// hasOverrides reports whether set defines __overrides, whose attributes
// replace the set's own only in a rec set.
func hasOverrides(set *ast.AttrSetExpr) bool {
	for _, b := range set.Bindings {
		if def, ok := b.(*ast.AttrDef); ok {
			if name, ok := ast.KeyName(def.Path.Keys[0]); ok && name == "__overrides" {
				return true
			}
		}
	}
	return false
}
