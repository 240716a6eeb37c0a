package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// EtaReduction reports `x: f x`, which is f when f is a plain name.
var EtaReduction = pack.Rule("eta-reduction", analyzer.SeverityWarning, analyzer.FixUnsafe, runEtaReduction)

func runEtaReduction(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(lam *ast.LambdaExpr) {
		if lam.Arg == nil || lam.Formals != nil {
			return
		}
		call, ok := lam.Body.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return
		}
		fun, ok := call.Fun.(*ast.Ident)
		arg, isIdent := call.Args[0].(*ast.Ident)
		// f must be a plain name other than x, so x is not free in it.
		if !ok || !isIdent || arg.Name != lam.Arg.Name || fun.Name == lam.Arg.Name {
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: lam.Pos(), End: lam.End(),
			Message:        lam.Arg.Name + ": " + fun.Name + " " + arg.Name + " is " + fun.Name,
			SuggestedFixes: fixIf(!edit.DropsCommentOutside(f.File, lam), edit.Fix("write "+fun.Name, edit.Replace(lam, fun.Name))),
		})
	})
	return nil, nil
}
