package deadcode

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// UnusedAtBinding reports `args@{ … }:` where the body never uses args.
var UnusedAtBinding = lambdaRule("unused-at-binding", analyzer.FixSafe, scope.AtDef, "@-binding",
	"don't report @-bindings of patterns", removeAtFix)

// removeAtFix removes the @-name d, unless a comment would go with it.
func removeAtFix(f *nixpass.File, d *scope.Def) (analysis.SuggestedFix, bool) {
	del := removeAt(f.File, d.Owner.(*ast.LambdaExpr))
	return edit.Fix("remove "+d.Name+"@", del), !edit.DropsComment(f.File, del.Pos, del.End)
}

// removeAt removes the name and the @ of an @-pattern, with the blanks
// between them and the pattern (`{ … } @ args:` keeps its blank before the
// colon only when it had one).
func removeAt(f *ast.File, lam *ast.LambdaExpr) analysis.TextEdit {
	if lam.Arg.Pos() < lam.Formals.Pos() {
		return edit.ReplaceSpan(lam.Arg.Pos(), lam.Formals.Pos(), "")
	}
	return edit.Delete(f, lam.Formals.End(), lam.Arg.End())
}
