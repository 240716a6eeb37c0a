package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// BoolComparison reports comparisons with true or false: x == true is x.
var BoolComparison = newRule("bool-comparison", analyzer.SeverityWarning, analyzer.FixSafe, runBoolComparison)

func runBoolComparison(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	inspect(pass, []ast.Node{(*ast.BinaryExpr)(nil)}, func(n, parent ast.Node) {
		bin, ok := n.(*ast.BinaryExpr)
		if !ok || (bin.Op != ast.OpEq && bin.Op != ast.OpNEq) {
			return
		}
		other, lit := bin.X, bin.Y
		value, isBool := nixmatch.Bool(f.Info, lit)
		if !isBool {
			other, lit = bin.Y, bin.X
			if value, isBool = nixmatch.Bool(f.Info, lit); !isBool {
				return
			}
		}
		if _, both := nixmatch.Bool(f.Info, other); both {
			return // true == false: a constant, not this rule's business
		}
		text, prec := f.Text(other), edit.Prec(other)
		if keep := (bin.Op == ast.OpEq) == value; !keep {
			if prec < edit.PrecNot {
				text = "(" + text + ")"
			}
			text, prec = "!"+text, edit.PrecNot
		}
		if parent != nil {
			text = edit.Parenthesize(parent, bin, prec, text)
		}
		pass.Report(analysis.Diagnostic{
			Pos: bin.Pos(), End: bin.End(),
			Message:        "comparison with " + f.Text(lit) + ": write " + text,
			SuggestedFixes: fixIf(!edit.DropsCommentOutside(f.File, bin, other), edit.Fix("write "+text, edit.Replace(bin, text))),
		})
	})
	return nil, nil
}
