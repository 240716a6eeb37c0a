package edit

import "github.com/nixaudit/nixaudit/nixparse/ast"

// Precedence levels of Nix expressions, from the loosest (functions, let,
// with, assert, if) to the tightest (atoms), as in the Nix manual's
// operator table.
const (
	PrecFunction = iota // x: …, let … in …, with …; …, assert …; …, if …
	PrecPipe            // |> <|
	PrecImpl            // ->
	PrecOr              // ||
	PrecAnd             // &&
	PrecEq              // == !=
	PrecCompare         // < <= > >=
	PrecUpdate          // //
	PrecNot             // !x
	PrecAdd             // + -
	PrecMul             // * /
	PrecConcat          // ++
	PrecHasAttr         // x ? a
	PrecNeg             // -x
	PrecCall            // f x
	PrecSelect          // x.a, x.a or d
	PrecAtom            // names, literals, lists, sets, (…)
)

var binaryPrec = map[ast.Op]int{
	ast.OpPipeRight: PrecPipe, ast.OpPipeLeft: PrecPipe, ast.OpImpl: PrecImpl,
	ast.OpOr: PrecOr, ast.OpAnd: PrecAnd, ast.OpEq: PrecEq, ast.OpNEq: PrecEq,
	ast.OpLess: PrecCompare, ast.OpLEq: PrecCompare, ast.OpGreater: PrecCompare, ast.OpGEq: PrecCompare,
	ast.OpUpdate: PrecUpdate, ast.OpAdd: PrecAdd, ast.OpSub: PrecAdd,
	ast.OpMul: PrecMul, ast.OpDiv: PrecMul, ast.OpConcat: PrecConcat,
}

// rightAssoc lists the operators that group to the right.
var rightAssoc = map[ast.Op]bool{ast.OpImpl: true, ast.OpUpdate: true, ast.OpConcat: true, ast.OpPipeLeft: true}

// OpPrec returns the precedence of a binary operator.
func OpPrec(op ast.Op) int { return binaryPrec[op] }

// Prec returns the precedence of e's outermost construct.
func Prec(e ast.Expr) int {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return binaryPrec[e.Op]
	case *ast.UnaryExpr:
		if e.Op == ast.OpNot {
			return PrecNot
		}
		return PrecNeg
	case *ast.HasAttrExpr:
		return PrecHasAttr
	case *ast.CallExpr:
		return PrecCall
	case *ast.SelectExpr:
		return PrecSelect
	case *ast.LambdaExpr, *ast.LetExpr, *ast.WithExpr, *ast.AssertExpr, *ast.IfExpr:
		return PrecFunction
	}
	return PrecAtom
}

// MinPrec returns the loosest precedence an expression may have to stand,
// without parentheses, where child stands in parent.
func MinPrec(parent ast.Node, child ast.Node) int {
	switch p := parent.(type) {
	case *ast.BinaryExpr:
		prec := binaryPrec[p.Op]
		if isComparison(p.Op) {
			return prec + 1 // comparisons do not chain
		}
		if onAssocSide := (child == ast.Node(p.X)) != rightAssoc[p.Op]; onAssocSide {
			return prec
		}
		return prec + 1
	case *ast.UnaryExpr:
		if p.Op == ast.OpNot {
			return PrecNot
		}
		return PrecNeg
	case *ast.HasAttrExpr:
		return PrecHasAttr + 1
	case *ast.CallExpr:
		if child == ast.Node(p.Fun) {
			return PrecCall
		}
		return PrecSelect
	case *ast.SelectExpr:
		if child == ast.Node(p.X) {
			return PrecAtom
		}
		return PrecSelect // the default after `or`
	case *ast.ListExpr:
		return PrecSelect
	}
	return PrecFunction
}

func isComparison(op ast.Op) bool {
	switch op {
	case ast.OpEq, ast.OpNEq, ast.OpLess, ast.OpLEq, ast.OpGreater, ast.OpGEq:
		return true
	}
	return false
}

// Fits reports whether an expression of precedence prec can replace child
// of parent without parentheses.
func Fits(parent, child ast.Node, prec int) bool { return prec >= MinPrec(parent, child) }

// Parenthesize returns text, of precedence prec, wrapped in parentheses
// unless it fits where child stands in parent.
func Parenthesize(parent, child ast.Node, prec int, text string) string {
	if Fits(parent, child, prec) {
		return text
	}
	return "(" + text + ")"
}

// Ancestors returns the nodes enclosing n under root, outermost first
// (root included), as a walk's stack holds them at n, and whether n lies
// under root at all. It goes only into the nodes whose span holds n's,
// so it costs the depth of n rather than the size of the tree: rules
// that need a node's parent only to word a rare finding call it then,
// instead of walking every file with a stack. Nodes whose positions
// disagree with the tree (possible after syntax errors) make it fall
// back to a full walk.
func Ancestors(root, n ast.Node) ([]ast.Node, bool) {
	if stack, ok := ancestors(root, n, true); ok {
		return stack, true
	}
	return ancestors(root, n, false)
}

// Parent returns n's parent under root (see Ancestors), or nil.
func Parent(root, n ast.Node) ast.Node {
	stack, _ := Ancestors(root, n)
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// ancestors is Ancestors, going into every node unless byPos.
func ancestors(root, n ast.Node, byPos bool) ([]ast.Node, bool) {
	a := &ancestorFinder{target: n, byPos: byPos}
	a.stack = a.buf[:0]
	ast.Walk(a, root)
	return a.stack, a.found
}

// ancestorFinder is the visitor of ancestors: stack holds the nodes
// enclosing the one visited, then, once found, those enclosing target.
type ancestorFinder struct {
	target ast.Node
	byPos  bool
	found  bool
	stack  []ast.Node
	buf    [16]ast.Node // the stack's first memory: trees are seldom deeper
}

func (a *ancestorFinder) Visit(n ast.Node) ast.Visitor {
	switch {
	case n == nil: // leaving the node on top of the stack
		if !a.found {
			a.stack = a.stack[:len(a.stack)-1]
		}
		return nil
	case a.found:
		return nil
	case n == a.target:
		a.found = true
		return nil
	case a.byPos && (n.Pos() > a.target.Pos() || a.target.End() > n.End()):
		return nil
	}
	a.stack = append(a.stack, n)
	return a
}
