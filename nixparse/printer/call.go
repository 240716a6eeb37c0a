package printer

import (
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// item is one element of a printed call: an expression, or text Nix's
// parser put there (the desugared operator's function, the 0 of a
// negation, the arguments of __findFile).
type item struct {
	text string
	e    ast.Expr
}

// callItems returns the function and arguments of x when Nix represents
// x as a call (ExprCall), nil otherwise. Nix appends the arguments of an
// application to the call it applies, so (f a) b, (a - b) c and (-x) y
// are single calls: (f a b), (__sub a b c), (__sub 0 x y).
func callItems(x ast.Expr) []item {
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		items := callItems(x.Fun)
		if items == nil {
			items = make([]item, 0, len(x.Args)+1)
			items = append(items, item{e: x.Fun})
		}
		for _, a := range x.Args {
			items = append(items, item{e: a})
		}
		return items
	case *ast.UnaryExpr:
		if x.Op == ast.OpNeg {
			return []item{{text: "__sub"}, {text: "0"}, {e: x.X}}
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case ast.OpSub:
			return []item{{text: "__sub"}, {e: x.X}, {e: x.Y}}
		case ast.OpMul:
			return []item{{text: "__mul"}, {e: x.X}, {e: x.Y}}
		case ast.OpDiv:
			return []item{{text: "__div"}, {e: x.X}, {e: x.Y}}
		case ast.OpLess:
			return []item{{text: "__lessThan"}, {e: x.X}, {e: x.Y}}
		case ast.OpGreater:
			return []item{{text: "__lessThan"}, {e: x.Y}, {e: x.X}}
		case ast.OpPipeRight: // x |> f is f x (modern Nix)
			return apply(x.Y, x.X)
		case ast.OpPipeLeft: // f <| x is f x (modern Nix)
			return apply(x.X, x.Y)
		}
	case *ast.LookupPathExpr:
		return []item{{text: "__findFile"}, {text: "__nixPath"}, {text: scope.QuoteString(x.Path)}}
	}
	return nil
}

// apply returns the call of fun to arg, appended to fun when fun is a
// call itself.
func apply(fun, arg ast.Expr) []item {
	items := callItems(fun)
	if items == nil {
		items = []item{{e: fun}}
	}
	return append(items, item{e: arg})
}

// call prints (f a b …).
func (p *printer) call(items []item) {
	p.str("(")
	for i, it := range items {
		if i > 0 {
			p.str(" ")
		}
		p.item(it)
	}
	p.str(")")
}

// item prints an expression or its text.
func (p *printer) item(it item) {
	if it.e != nil {
		p.expr(it.e)
		return
	}
	p.str(it.text)
}
