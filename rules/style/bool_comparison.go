package style

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/internal/nixshape"
)

// BoolComparison reports comparisons of booleans with true or false:
// x == true is x.
var BoolComparison = pack.Rule("bool-comparison", analyzer.SeverityWarning, analyzer.FixSafe, runBoolComparison)

func runBoolComparison(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	each(pass, func(bin *ast.BinaryExpr) {
		if bin.Op != ast.OpEq && bin.Op != ast.OpNEq {
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
		// x == true is x only when x is a boolean: for null (an unset
		// nullOr bool option, `x or null`) or any other value it is
		// false, where x would be an error. Only expressions that are
		// booleans by construction qualify.
		if !isBoolean(f.Info, other, 0) {
			return
		}
		text, prec := f.Text(other), edit.Prec(other)
		if keep := (bin.Op == ast.OpEq) == value; !keep {
			if prec < edit.PrecNot {
				text = "(" + text + ")"
			}
			text, prec = "!"+text, edit.PrecNot
		}
		if parent := edit.Parent(f.File, bin); parent != nil {
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

// predicates are functions known to return booleans, besides those named
// isX and hasX.
var predicates = map[string]bool{
	"elem": true, "any": true, "all": true, "pathExists": true, "and": true, "or": true,
	"versionAtLeast": true, "versionOlder": true, "lessThan": true, "inNixShell": true,
}

// isBoolean reports whether e is a boolean by construction: a negation, a
// logical operator, a comparison, an attribute test, a call of a
// predicate (isString x, hasPrefix p s, elem x xs, …), an `enable`
// option (cfg.enable, which mkEnableOption declares as a bool) or a let
// or rec binding whose value is one of these or true or false.
func isBoolean(info *scope.Info, e ast.Expr, depth int) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v := nixmatch.BoundValue(info, e)
		if v == nil || depth > maxBindingChain {
			return false
		}
		_, literal := nixmatch.Bool(info, v)
		return literal || isBoolean(info, v, depth+1)
	case *ast.UnaryExpr:
		return e.Op == ast.OpNot
	case *ast.BinaryExpr:
		switch e.Op {
		case ast.OpAnd, ast.OpOr, ast.OpImpl, ast.OpEq, ast.OpNEq, ast.OpLess, ast.OpLEq, ast.OpGreater, ast.OpGEq:
			return true
		}
	case *ast.HasAttrExpr:
		return true
	case *ast.CallExpr:
		name := nixshape.LastName(e.Fun)
		return predicates[name] || isPrefixedName(name, "is") || isPrefixedName(name, "has")
	case *ast.SelectExpr:
		return e.Default == nil && nixshape.LastName(e) == "enable"
	}
	return false
}

// maxBindingChain bounds how many let bindings isBoolean follows
// (a = b; b = a; would loop).
const maxBindingChain = 8

// isPrefixedName reports whether name is prefix followed by a capital, as
// in isString or hasPrefix.
func isPrefixedName(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	return ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z'
}
