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
	var cmps []boolCmp
	inspect(pass, []ast.Node{(*ast.BinaryExpr)(nil)}, func(n, parent ast.Node) {
		if c, ok := comparison(f, n.(*ast.BinaryExpr), parent); ok {
			cmps = append(cmps, c)
		}
	})
	for _, c := range cmps {
		if c.value != nil && !mayBeNonBool(f, c, cmps) {
			reportBoolComparison(pass, f, c)
		}
	}
	return nil, nil
}

// boolCmp is an == or != comparison; value is the bool literal compared
// with (nil when the other side is no bool literal).
type boolCmp struct {
	bin        *ast.BinaryExpr
	parent     ast.Node
	other, lit ast.Expr
	value      *bool
}

func comparison(f *nixpass.File, bin *ast.BinaryExpr, parent ast.Node) (boolCmp, bool) {
	if bin.Op != ast.OpEq && bin.Op != ast.OpNEq {
		return boolCmp{}, false
	}
	c := boolCmp{bin: bin, parent: parent, other: bin.X, lit: bin.Y}
	if v, ok := nixmatch.Bool(f.Info, bin.Y); ok {
		c.value = &v
	} else if v, ok := nixmatch.Bool(f.Info, bin.X); ok {
		c.other, c.lit, c.value = bin.Y, bin.X, &v
	}
	return c, true
}

// mayBeNonBool reports whether the compared expression is treated as
// possibly not a boolean: compared elsewhere in the file with true and
// with false (`if v == true then … else if v == false then … else`),
// or with something that is not a bool (`x == false || x == null`).
// Then the comparison is a type test, and x is not the same as x == true.
func mayBeNonBool(f *nixpass.File, c boolCmp, all []boolCmp) bool {
	if _, both := nixmatch.Bool(f.Info, c.other); both {
		return true // true == false: a constant, not this rule's business
	}
	seen := map[bool]bool{}
	for _, d := range all {
		for _, side := range [][2]ast.Expr{{d.bin.X, d.bin.Y}, {d.bin.Y, d.bin.X}} {
			if !edit.SameTokens(f.File, side[0], c.other) {
				continue
			}
			v, isBool := nixmatch.Bool(f.Info, side[1])
			if !isBool {
				return true
			}
			seen[v] = true
		}
	}
	return seen[true] && seen[false]
}

func reportBoolComparison(pass *analysis.Pass, f *nixpass.File, c boolCmp) {
	bin, other, lit, value, parent := c.bin, c.other, c.lit, *c.value, c.parent
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
}
