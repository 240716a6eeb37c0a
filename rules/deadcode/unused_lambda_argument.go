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
var UnusedLambdaArgument = lambdaRule("unused-lambda-argument", analyzer.FixUnsafe, scope.LambdaArgDef, "lambda argument",
	"don't report lambda arguments", renameFix)

// renameFix renames the argument d to mark it as unused, when a free
// name is left for it.
func renameFix(_ *nixpass.File, d *scope.Def) (analysis.SuggestedFix, bool) {
	name := unusedName(d)
	return edit.Fix("rename "+d.Name+" to "+name, edit.Replace(d.Ident, name)), name != ""
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
