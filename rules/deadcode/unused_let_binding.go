package deadcode

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// UnusedLetBinding reports let bindings (inherited names included) that
// no live code uses.
var UnusedLetBinding = pack.Rule(letBindingRule, analyzer.SeverityWarning, analyzer.FixSafe, runUnusedLetBinding)

var letOpts underscore

func init() { letOpts.register(UnusedLetBinding) }

func runUnusedLetBinding(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	// The body of a legacy `let { … }` is its value: always live.
	dead := unused(f, scope.LetDef, letOpts)
	// The dead names of each inherit, to remove the whole statement when
	// none of its names is left.
	deadIn := map[*ast.Inherit][]*scope.Def{}
	for _, d := range dead {
		if in, ok := d.Node.(*ast.Inherit); ok {
			deadIn[in] = append(deadIn[in], d)
		}
	}
	for _, d := range dead {
		name := defName(d)
		diag := analysis.Diagnostic{Pos: name.Pos(), End: name.End(), Message: unusedMessage("let binding", d)}
		if edits := removeLetDef(f, d, deadIn); len(edits) > 0 {
			diag.SuggestedFixes = []analysis.SuggestedFix{edit.Fix("remove "+d.Name, edits...)}
		}
		pass.Report(diag)
	}
	return nil, nil
}

// removeLetDef returns the edits removing the dead let definition d:
// every binding that defines it, or its name from an inherit (the whole
// inherit once all its names are dead; that edit goes with the first of
// them only, so that fixes never overlap).
func removeLetDef(f *nixpass.File, d *scope.Def, deadIn map[*ast.Inherit][]*scope.Def) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, b := range letBindings(d) {
		switch b := b.(type) {
		case *ast.AttrDef:
			edits = append(edits, edit.RemoveBinding(f.File, b))
		case *ast.Inherit:
			switch {
			case len(deadIn[b]) < len(b.Names):
				edits = append(edits, edit.RemoveInheritName(f.File, defName(d)))
			case deadIn[b][0] == d:
				edits = append(edits, edit.RemoveBinding(f.File, b))
			}
		}
	}
	return edits
}
