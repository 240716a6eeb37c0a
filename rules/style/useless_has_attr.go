package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// UselessHasAttr reports `if x ? a then x.a else d`, which is `x.a or d`.
var UselessHasAttr = pack.Rule("useless-has-attr", analyzer.SeverityWarning, analyzer.FixSafe, runUselessHasAttr)

func runUselessHasAttr(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(ifx *ast.IfExpr) {
		has, ok := ast.Unparen(ifx.Cond).(*ast.HasAttrExpr)
		if !ok {
			return
		}
		sel, ok := ifx.Then.(*ast.SelectExpr)
		if !ok || sel.Default != nil || !edit.SameTokens(f.File, has.X, sel.X) || !edit.SameTokens(f.File, has.Path, sel.Path) {
			return
		}
		def := f.Text(ifx.Else)
		if edit.Prec(ifx.Else) < edit.PrecSelect {
			def = "(" + def + ")"
		}
		text := f.Text(sel) + " or " + def
		pass.Report(analysis.Diagnostic{
			Pos: ifx.Pos(), End: ifx.End(),
			Message:        "if … ? … then … else: write " + edit.Abbrev(text, 60),
			SuggestedFixes: fixIf(!edit.DropsCommentOutside(f.File, ifx, sel, ifx.Else), edit.Fix("write … or …", edit.Replace(ifx, text))),
		})
	})
	return nil, nil
}
