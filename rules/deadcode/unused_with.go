package deadcode

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// UnusedWith reports `with e;` whose body takes no name from e.
var UnusedWith = pack.Rule("unused-with", analyzer.SeverityWarning, analyzer.FixSafe, runUnusedWith)

func runUnusedWith(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	var l *liveness
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.WithExpr)(nil)}, func(n ast.Node) {
		w := n.(*ast.WithExpr)
		if f.Info.HasUsesOfWith(w) || !w.Semi.IsValid() {
			return
		}
		if l == nil {
			l = livenessOf(f, underscore{}) // every name counts
		}
		if l.InDeadCode(w) {
			return
		}
		header := edit.ReplaceSpan(w.With, w.Semi+1, "")
		diag := analysis.Diagnostic{Pos: header.Pos, End: header.End, Message: "with " + edit.Abbrev(f.Text(w.Scope), 40) + " supplies no name to its body"}
		if !edit.DropsComment(f.File, w.With, w.Semi) {
			diag.SuggestedFixes = []analysis.SuggestedFix{edit.Fix("remove the with", edit.Delete(f.File, w.With, w.Semi+1))}
		}
		pass.Report(diag)
	})
	return nil, nil
}
