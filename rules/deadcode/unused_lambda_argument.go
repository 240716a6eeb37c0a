package deadcode

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// UnusedLambdaArgument reports `x: …` where the body never uses x.
var UnusedLambdaArgument = pack.Rule("unused-lambda-argument", analyzer.SeverityWarning, analyzer.FixUnsafe, runUnusedLambdaArgument)

var argOpts lambdaOpts

func init() { argOpts.register(UnusedLambdaArgument, "don't report lambda arguments") }

func runUnusedLambdaArgument(pass *analysis.Pass) (any, error) {
	if argOpts.noLambdaArg {
		return nil, nil
	}
	f := nixpass.Of(pass)
	for _, d := range unused(f, scope.LambdaArgDef, argOpts.exempt) {
		diag := analysis.Diagnostic{Pos: d.Ident.Pos(), End: d.Ident.End(), Message: unusedMessage("lambda argument", d)}
		if name := unusedName(d); name != "" && len(d.Uses) == 0 {
			diag.SuggestedFixes = []analysis.SuggestedFix{edit.Fix("rename "+d.Name+" to "+name, edit.Replace(d.Ident, name))}
		}
		pass.Report(diag)
	}
	return nil, nil
}

// unusedName returns the name marking the argument d as unused: _NAME, or
// _ when the body refers to a variable called _NAME (which the new name
// would capture), or "" when it refers to both.
func unusedName(d *scope.Def) string {
	taken := map[string]bool{}
	ast.Inspect(d.Owner.(*ast.LambdaExpr).Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			taken[id.Name] = true
		}
		return true
	})
	for _, name := range []string{"_" + d.Name, "_"} {
		if !taken[name] {
			return name
		}
	}
	return ""
}
