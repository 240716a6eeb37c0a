package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/internal/nixshape"
)

// EmptyPattern reports `{ ... }: e` outside modules, which is `_: e`.
var EmptyPattern = pack.Rule("empty-pattern", analyzer.SeverityWarning, analyzer.FixSafe, runEmptyPattern)

func runEmptyPattern(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	// The file's top-level functions and the option values, only for
	// files with an empty pattern.
	var topLevel map[*ast.LambdaExpr]bool
	var defined map[*ast.LambdaExpr]bool
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.LambdaExpr)(nil)}, func(n ast.Node) {
		lam := n.(*ast.LambdaExpr)
		if lam.Arg != nil || lam.Formals == nil || len(lam.Formals.List) > 0 || !lam.Formals.Ellipsis.IsValid() {
			return
		}
		if defined == nil {
			topLevel, defined = nixshape.TopLevelLambdas(f.Expr), definedValues(f)
		}
		// NixOS and home-manager modules keep { ... }: by convention, and
		// callPackage reads the pattern: never turn them into _:.
		stack, _ := edit.Ancestors(f.File, lam)
		if nixshape.MayBeModule(lam, enclosing(stack), topLevel) || defined[lam] {
			return
		}
		fs := lam.Formals
		pass.Report(analysis.Diagnostic{
			Pos: fs.Pos(), End: fs.End(),
			Message:        "empty pattern { ... }: write _",
			SuggestedFixes: fixIf(!edit.DropsComment(f.File, fs.Pos(), fs.End()), edit.Fix("write _", edit.Replace(fs, "_"))),
		})
	})
	return nil, nil
}

// definedValues returns the functions defined as option values in the
// file's modules: any option may be a submodule or deferredModule, whose
// values are modules (config.deferred = { ... }: …). The values of a
// file's own set count only when the file is a module.
func definedValues(f *nixpass.File) map[*ast.LambdaExpr]bool {
	defined := map[*ast.LambdaExpr]bool{}
	moduleFile := nixmatch.IsModuleFile(f)
	for _, d := range nixmatch.Options(f) {
		if lam, ok := d.Value.(*ast.LambdaExpr); ok && (moduleFile || !d.Module.Whole) {
			defined[lam] = true
		}
	}
	return defined
}

// enclosing returns the innermost node of stack that is not a
// parenthesis: what a parenthesised expression stands in.
func enclosing(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		if _, paren := stack[i].(*ast.ParenExpr); !paren {
			return stack[i]
		}
	}
	return nil
}
