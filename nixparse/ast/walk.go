package ast

// A Visitor's Visit method is invoked for each node encountered by Walk.
// If the result visitor w is not nil, Walk visits each of the children of
// node with w, followed by a call of w.Visit(nil).
type Visitor interface {
	Visit(node Node) (w Visitor)
}

// Walk traverses a syntax tree in depth-first, source order.
func Walk(v Visitor, node Node) {
	if v = v.Visit(node); v == nil {
		return
	}
	switch n := node.(type) {
	case *File:
		if n.Expr != nil {
			Walk(v, n.Expr)
		}
	case *Ident, *Name, *IntLit, *FloatLit, *StringText, *LookupPathExpr,
		*URIExpr, *CurPosExpr, *BadExpr:
		// leaves
	case *StringExpr:
		walkParts(v, n.Parts)
	case *PathExpr:
		walkParts(v, n.Parts)
	case *Interpolation:
		Walk(v, n.X)
	case *ParenExpr:
		Walk(v, n.X)
	case *ListExpr:
		for _, e := range n.Elems {
			Walk(v, e)
		}
	case *AttrSetExpr:
		walkBindings(v, n.Bindings)
	case *LetExpr:
		walkBindings(v, n.Bindings)
		Walk(v, n.Body)
	case *LegacyLetExpr:
		walkBindings(v, n.Bindings)
	case *AttrPath:
		for _, k := range n.Keys {
			Walk(v, k)
		}
	case *SelectExpr:
		Walk(v, n.X)
		Walk(v, n.Path)
		if n.Default != nil {
			Walk(v, n.Default)
		}
	case *HasAttrExpr:
		Walk(v, n.X)
		Walk(v, n.Path)
	case *CallExpr:
		Walk(v, n.Fun)
		for _, a := range n.Args {
			Walk(v, a)
		}
	case *UnaryExpr:
		Walk(v, n.X)
	case *BinaryExpr:
		Walk(v, n.X)
		Walk(v, n.Y)
	case *LambdaExpr:
		if n.Arg != nil && (n.Formals == nil || n.Arg.Pos() < n.Formals.Pos()) {
			Walk(v, n.Arg)
			if n.Formals != nil {
				Walk(v, n.Formals)
			}
		} else {
			Walk(v, n.Formals)
			if n.Arg != nil {
				Walk(v, n.Arg)
			}
		}
		Walk(v, n.Body)
	case *Formals:
		for _, f := range n.List {
			Walk(v, f)
		}
	case *Formal:
		Walk(v, n.Name)
		if n.Default != nil {
			Walk(v, n.Default)
		}
	case *WithExpr:
		Walk(v, n.Scope)
		Walk(v, n.Body)
	case *AssertExpr:
		Walk(v, n.Cond)
		Walk(v, n.Body)
	case *IfExpr:
		Walk(v, n.Cond)
		Walk(v, n.Then)
		Walk(v, n.Else)
	case *AttrDef:
		Walk(v, n.Path)
		Walk(v, n.Value)
	case *Inherit:
		if n.From != nil {
			Walk(v, n.From)
		}
		for _, k := range n.Names {
			Walk(v, k)
		}
	default:
		panic("ast.Walk: unexpected node type")
	}
	v.Visit(nil)
}

func walkParts(v Visitor, parts []StringPart) {
	for _, p := range parts {
		Walk(v, p)
	}
}

func walkBindings(v Visitor, bs []Binding) {
	for _, b := range bs {
		Walk(v, b)
	}
}

type inspector func(Node) bool

func (f inspector) Visit(node Node) Visitor {
	if node != nil && f(node) {
		return f
	}
	return nil
}

// Inspect traverses a syntax tree in depth-first order: it calls f(node)
// and, when f returns true, inspects each child of node.
func Inspect(node Node, f func(Node) bool) {
	Walk(inspector(f), node)
}

type stackInspector struct {
	f     func(n Node, stack []Node) bool
	stack []Node
}

func (s *stackInspector) Visit(node Node) Visitor {
	if node == nil {
		s.stack = s.stack[:len(s.stack)-1]
		return nil
	}
	if !s.f(node, s.stack) {
		return nil
	}
	s.stack = append(s.stack, node)
	return s
}

// InspectWithStack is Inspect that also passes the enclosing nodes of
// each node, outermost first (the slice is reused: copy it to keep it).
func InspectWithStack(node Node, f func(n Node, stack []Node) bool) {
	Walk(&stackInspector{f: f}, node)
}
