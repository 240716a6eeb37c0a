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
var UnusedAtBinding = pack.Rule("unused-at-binding", analyzer.SeverityWarning, analyzer.FixSafe, runUnusedAtBinding)

var atOpts lambdaOpts

func init() { atOpts.register(UnusedAtBinding, "don't report @-bindings of patterns") }

func runUnusedAtBinding(pass *analysis.Pass) (any, error) {
	if atOpts.noLambdaArg {
		return nil, nil
	}
	f := nixpass.Of(pass)
	for _, d := range unused(f, scope.AtDef, atOpts.exempt) {
		diag := analysis.Diagnostic{Pos: d.Ident.Pos(), End: d.Ident.End(), Message: unusedMessage("@-binding", d)}
		if fix := removeAt(f.File, d.Owner.(*ast.LambdaExpr)); len(d.Uses) == 0 && !edit.DropsComment(f.File, fix.Pos, fix.End) {
			diag.SuggestedFixes = []analysis.SuggestedFix{edit.Fix("remove "+d.Name+"@", fix)}
		}
		pass.Report(diag)
	}
	return nil, nil
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
