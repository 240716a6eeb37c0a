package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
)

// ManualInherit reports `a = a;` in a plain attribute set.
var ManualInherit = pack.Rule("manual-inherit", analyzer.SeverityWarning, analyzer.FixSafe, runManualInherit)

func runManualInherit(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(set *ast.AttrSetExpr) {
		// In a let or a rec set, a = a; refers to itself (infinite
		// recursion, see self-reference), so only plain sets qualify.
		if set.Rec.IsValid() {
			return
		}
		for _, b := range set.Bindings {
			// The value's type is told from the binding's interface value
			// first: most values are no name, and their paths need not be
			// loaded.
			d, ok := b.(*ast.AttrDef)
			if !ok {
				continue
			}
			v, ok := d.Value.(*ast.Ident)
			if !ok {
				continue
			}
			def, name := singleNameDef(b)
			if def == nil || v.Name != name.Name {
				continue
			}
			text := "inherit " + name.Name + ";"
			pass.Report(analysis.Diagnostic{
				Pos: def.Pos(), End: def.End(),
				Message:        "assignment of " + name.Name + " to itself: write " + text,
				SuggestedFixes: fixIf(!edit.DropsComment(f.File, def.Pos(), def.End()), edit.Fix("write "+text, edit.Replace(def, text))),
			})
		}
	})
	return nil, nil
}

// singleNameDef returns b when it defines one plain name (`a = …;`, not
// `a.b = …;` or `"a" = …;`) and is complete.
func singleNameDef(b ast.Binding) (*ast.AttrDef, *ast.Name) {
	def, ok := b.(*ast.AttrDef)
	if !ok || len(def.Path.Keys) != 1 || !def.Semi.IsValid() {
		return nil, nil
	}
	name, ok := def.Path.Keys[0].(*ast.Name)
	if !ok {
		return nil, nil
	}
	return def, name
}
