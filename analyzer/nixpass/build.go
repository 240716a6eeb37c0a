package nixpass

import "github.com/nixaudit/nixaudit/nixparse/ast"

// The index is built by a traversal of its own rather than by ast.Walk
// with a Visitor: each node's type is known from the one type switch
// that finds its children (children of a known type, such as a
// selection's path or a lambda's formals, need none), nothing is called
// through an interface, and a subtree's type bits are returned to its
// parent instead of being kept on a stack of open nodes. The nodes are
// visited in ast.Walk's order (TestIndexAgreesWithWalk).

// add indexes the subtree under n, n first, and returns its type bits.
func (in *Inspector) add(n ast.Node) uint64 {
	switch n := n.(type) {
	case *ast.File:
		i := in.open(n, tFile)
		var sub uint64
		if n.Expr != nil {
			sub = in.expr(n.Expr)
		}
		return in.close(i, tFile, sub)
	case ast.Expr:
		return in.expr(n)
	case *ast.Name:
		return in.name(n)
	case *ast.StringText:
		return in.leaf(n, tStringText)
	case *ast.Interpolation:
		return in.interpolation(n)
	case *ast.AttrPath:
		return in.attrPath(n)
	case *ast.AttrDef:
		return in.attrDef(n)
	case *ast.Inherit:
		return in.inherit(n)
	case *ast.Formals:
		return in.formals(n)
	case *ast.Formal:
		return in.formal(n)
	case nil:
		return 0
	}
	return in.leaf(n, tOther)
}

// expr is add for an expression: its children that are expressions are
// passed on as such, with no conversion to ast.Node (a conversion
// between interfaces looks the type up at run time).
func (in *Inspector) expr(n ast.Expr) uint64 {
	switch n := n.(type) {
	case *ast.Ident:
		return in.leaf(n, tIdent)
	case *ast.SelectExpr:
		i := in.open(n, tSelect)
		sub := in.expr(n.X) | in.attrPath(n.Path)
		if n.Default != nil {
			sub |= in.expr(n.Default)
		}
		return in.close(i, tSelect, sub)
	case *ast.CallExpr:
		i := in.open(n, tCall)
		sub := in.expr(n.Fun)
		for _, a := range n.Args {
			sub |= in.expr(a)
		}
		return in.close(i, tCall, sub)
	case *ast.StringExpr:
		return in.stringExpr(n)
	case *ast.AttrSetExpr:
		i := in.open(n, tAttrSet)
		return in.close(i, tAttrSet, in.bindings(n.Bindings))
	case *ast.ListExpr:
		i := in.open(n, tList)
		var sub uint64
		for _, e := range n.Elems {
			sub |= in.expr(e)
		}
		return in.close(i, tList, sub)
	case *ast.LambdaExpr:
		return in.lambda(n)
	case *ast.BinaryExpr:
		i := in.open(n, tBinary)
		return in.close(i, tBinary, in.expr(n.X)|in.expr(n.Y))
	case *ast.PathExpr:
		i := in.open(n, tPath)
		return in.close(i, tPath, in.parts(n.Parts))
	case *ast.IntLit:
		return in.leaf(n, tIntLit)
	case *ast.LetExpr:
		i := in.open(n, tLet)
		sub := in.bindings(n.Bindings)
		return in.close(i, tLet, sub|in.expr(n.Body))
	case *ast.WithExpr:
		i := in.open(n, tWith)
		return in.close(i, tWith, in.expr(n.Scope)|in.expr(n.Body))
	case *ast.IfExpr:
		i := in.open(n, tIf)
		return in.close(i, tIf, in.expr(n.Cond)|in.expr(n.Then)|in.expr(n.Else))
	case *ast.ParenExpr:
		i := in.open(n, tParen)
		return in.close(i, tParen, in.expr(n.X))
	case *ast.UnaryExpr:
		i := in.open(n, tUnary)
		return in.close(i, tUnary, in.expr(n.X))
	case *ast.HasAttrExpr:
		i := in.open(n, tHasAttr)
		sub := in.expr(n.X)
		return in.close(i, tHasAttr, sub|in.attrPath(n.Path))
	case *ast.AssertExpr:
		i := in.open(n, tAssert)
		return in.close(i, tAssert, in.expr(n.Cond)|in.expr(n.Body))
	case *ast.LegacyLetExpr:
		i := in.open(n, tLegacyLet)
		return in.close(i, tLegacyLet, in.bindings(n.Bindings))
	case *ast.FloatLit:
		return in.leaf(n, tFloatLit)
	case *ast.LookupPathExpr:
		return in.leaf(n, tLookupPath)
	case *ast.URIExpr:
		return in.leaf(n, tURI)
	case *ast.CurPosExpr:
		return in.leaf(n, tCurPos)
	case *ast.BadExpr:
		return in.leaf(n, tBad)
	case nil:
		return 0
	}
	return in.leaf(n, tOther)
}

// leaf indexes a node without children.
func (in *Inspector) leaf(n ast.Node, t uint8) uint64 {
	i := int32(len(in.nodes))
	in.nodes = append(in.nodes, entry{node: n, sub: 1 << t, end: i + 1, typ: t})
	if listed&(1<<t) != 0 { // constant where leaf is inlined
		in.byType[t] = append(in.byType[t], i)
	}
	return 1 << t
}

// open indexes a node before its children; close completes its entry
// once they are indexed, with sub, the type bits of the children's
// subtrees.
func (in *Inspector) open(n ast.Node, t uint8) int32 {
	i := int32(len(in.nodes))
	in.nodes = append(in.nodes, entry{node: n, typ: t})
	if listed&(1<<t) != 0 { // constant where open is inlined
		in.byType[t] = append(in.byType[t], i)
	}
	return i
}

func (in *Inspector) close(i int32, t uint8, sub uint64) uint64 {
	sub |= 1 << t
	e := &in.nodes[i]
	e.sub, e.end = sub, int32(len(in.nodes))
	return sub
}

func (in *Inspector) name(n *ast.Name) uint64 { return in.leaf(n, tName) }

func (in *Inspector) stringExpr(n *ast.StringExpr) uint64 {
	i := in.open(n, tStringExpr)
	return in.close(i, tStringExpr, in.parts(n.Parts))
}

func (in *Inspector) interpolation(n *ast.Interpolation) uint64 {
	i := in.open(n, tInterpolation)
	return in.close(i, tInterpolation, in.expr(n.X))
}

func (in *Inspector) parts(parts []ast.StringPart) uint64 {
	var sub uint64
	for _, p := range parts {
		switch p := p.(type) {
		case *ast.StringText:
			sub |= in.leaf(p, tStringText)
		case *ast.Interpolation:
			sub |= in.interpolation(p)
		default:
			sub |= in.add(p)
		}
	}
	return sub
}

func (in *Inspector) attrPath(n *ast.AttrPath) uint64 {
	i := in.open(n, tAttrPath)
	var sub uint64
	for _, k := range n.Keys {
		if name, ok := k.(*ast.Name); ok { // most keys: no call
			sub |= in.leaf(name, tName)
			continue
		}
		sub |= in.key(k)
	}
	return in.close(i, tAttrPath, sub)
}

func (in *Inspector) key(k ast.AttrKey) uint64 {
	switch k := k.(type) {
	case *ast.Name:
		return in.name(k)
	case *ast.StringExpr:
		return in.stringExpr(k)
	case *ast.Interpolation:
		return in.interpolation(k)
	}
	return in.add(k)
}

func (in *Inspector) bindings(bs []ast.Binding) uint64 {
	var sub uint64
	for _, b := range bs {
		switch b := b.(type) {
		case *ast.AttrDef:
			sub |= in.attrDef(b)
		case *ast.Inherit:
			sub |= in.inherit(b)
		default:
			sub |= in.add(b)
		}
	}
	return sub
}

func (in *Inspector) attrDef(n *ast.AttrDef) uint64 {
	i := in.open(n, tAttrDef)
	sub := in.attrPath(n.Path)
	return in.close(i, tAttrDef, sub|in.expr(n.Value))
}

func (in *Inspector) inherit(n *ast.Inherit) uint64 {
	i := in.open(n, tInherit)
	var sub uint64
	if n.From != nil {
		sub = in.expr(n.From)
	}
	for _, k := range n.Names {
		sub |= in.key(k)
	}
	return in.close(i, tInherit, sub)
}

// lambda indexes the argument and the formals in source order, as
// ast.Walk does (args@{ … } or { … }@args).
func (in *Inspector) lambda(n *ast.LambdaExpr) uint64 {
	i := in.open(n, tLambda)
	var sub uint64
	if n.Arg != nil && (n.Formals == nil || n.Arg.Pos() < n.Formals.Pos()) {
		sub = in.name(n.Arg)
		if n.Formals != nil {
			sub |= in.formals(n.Formals)
		}
	} else {
		sub = in.formals(n.Formals)
		if n.Arg != nil {
			sub |= in.name(n.Arg)
		}
	}
	return in.close(i, tLambda, sub|in.expr(n.Body))
}

func (in *Inspector) formals(n *ast.Formals) uint64 {
	i := in.open(n, tFormals)
	var sub uint64
	for _, f := range n.List {
		sub |= in.formal(f)
	}
	return in.close(i, tFormals, sub)
}

func (in *Inspector) formal(n *ast.Formal) uint64 {
	i := in.open(n, tFormal)
	sub := in.name(n.Name)
	if n.Default != nil {
		sub |= in.expr(n.Default)
	}
	return in.close(i, tFormal, sub)
}
