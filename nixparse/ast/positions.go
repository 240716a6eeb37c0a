package ast

import "go/token"

func (n *Ident) Pos() token.Pos          { return n.NamePos }
func (n *Ident) End() token.Pos          { return n.NamePos + token.Pos(len(n.Name)) }
func (n *Name) Pos() token.Pos           { return n.NamePos }
func (n *Name) End() token.Pos           { return n.NamePos + token.Pos(len(n.Name)) }
func (n *IntLit) Pos() token.Pos         { return n.ValuePos }
func (n *IntLit) End() token.Pos         { return n.ValuePos + token.Pos(len(n.Raw)) }
func (n *FloatLit) Pos() token.Pos       { return n.ValuePos }
func (n *FloatLit) End() token.Pos       { return n.ValuePos + token.Pos(len(n.Raw)) }
func (n *StringExpr) Pos() token.Pos     { return n.Open }
func (n *StringText) Pos() token.Pos     { return n.ValuePos }
func (n *StringText) End() token.Pos     { return n.ValuePos + token.Pos(len(n.Raw)) }
func (n *Interpolation) Pos() token.Pos  { return n.Dollar }
func (n *Interpolation) End() token.Pos  { return n.Rbrace + 1 }
func (n *PathExpr) Pos() token.Pos       { return n.ValuePos }
func (n *PathExpr) End() token.Pos       { return n.EndPos }
func (n *LookupPathExpr) Pos() token.Pos { return n.ValuePos }
func (n *LookupPathExpr) End() token.Pos { return n.ValuePos + token.Pos(len(n.Path)+2) }
func (n *URIExpr) Pos() token.Pos        { return n.ValuePos }
func (n *URIExpr) End() token.Pos        { return n.ValuePos + token.Pos(len(n.Value)) }
func (n *CurPosExpr) Pos() token.Pos     { return n.ValuePos }
func (n *CurPosExpr) End() token.Pos     { return n.ValuePos + token.Pos(len("__curPos")) }
func (n *BadExpr) Pos() token.Pos        { return n.From }
func (n *BadExpr) End() token.Pos        { return n.To }
func (n *ParenExpr) Pos() token.Pos      { return n.Lparen }
func (n *ParenExpr) End() token.Pos      { return n.Rparen + 1 }
func (n *ListExpr) Pos() token.Pos       { return n.Lbrack }
func (n *ListExpr) End() token.Pos       { return n.Rbrack + 1 }
func (n *LetExpr) Pos() token.Pos        { return n.Let }
func (n *LetExpr) End() token.Pos        { return n.Body.End() }
func (n *LegacyLetExpr) Pos() token.Pos  { return n.Let }
func (n *LegacyLetExpr) End() token.Pos  { return n.Rbrace + 1 }
func (n *AttrPath) Pos() token.Pos       { return n.Keys[0].Pos() }
func (n *AttrPath) End() token.Pos       { return n.Keys[len(n.Keys)-1].End() }
func (n *SelectExpr) Pos() token.Pos     { return n.X.Pos() }
func (n *HasAttrExpr) Pos() token.Pos    { return n.X.Pos() }
func (n *HasAttrExpr) End() token.Pos    { return n.Path.End() }
func (n *CallExpr) Pos() token.Pos       { return n.Fun.Pos() }
func (n *CallExpr) End() token.Pos       { return n.Args[len(n.Args)-1].End() }
func (n *UnaryExpr) Pos() token.Pos      { return n.OpPos }
func (n *UnaryExpr) End() token.Pos      { return n.X.End() }
func (n *BinaryExpr) Pos() token.Pos     { return n.X.Pos() }
func (n *BinaryExpr) End() token.Pos     { return n.Y.End() }
func (n *LambdaExpr) End() token.Pos     { return n.Body.End() }
func (n *Formals) Pos() token.Pos        { return n.Lbrace }
func (n *Formals) End() token.Pos        { return n.Rbrace + 1 }
func (n *Formal) Pos() token.Pos         { return n.Name.Pos() }
func (n *WithExpr) Pos() token.Pos       { return n.With }
func (n *WithExpr) End() token.Pos       { return n.Body.End() }
func (n *AssertExpr) Pos() token.Pos     { return n.Assert }
func (n *AssertExpr) End() token.Pos     { return n.Body.End() }
func (n *IfExpr) Pos() token.Pos         { return n.If }
func (n *IfExpr) End() token.Pos         { return n.Else.End() }
func (n *AttrDef) Pos() token.Pos        { return n.Path.Pos() }
func (n *Inherit) Pos() token.Pos        { return n.Inherit }

// End of a string is after its closing quote.
func (n *StringExpr) End() token.Pos {
	if n.Indented {
		return n.Close + 2
	}
	return n.Close + 1
}

func (n *AttrSetExpr) Pos() token.Pos {
	if n.Rec.IsValid() {
		return n.Rec
	}
	return n.Lbrace
}
func (n *AttrSetExpr) End() token.Pos { return n.Rbrace + 1 }

func (n *SelectExpr) End() token.Pos {
	if n.Default != nil {
		return n.Default.End()
	}
	return n.Path.End()
}

func (n *LambdaExpr) Pos() token.Pos {
	if n.Arg != nil && (n.Formals == nil || n.Arg.Pos() < n.Formals.Pos()) {
		return n.Arg.Pos()
	}
	return n.Formals.Pos()
}

func (n *Formal) End() token.Pos {
	if n.Default != nil {
		return n.Default.End()
	}
	return n.Name.End()
}

// End of a binding is after its semicolon, or after its last part when the
// semicolon is missing.
func (n *AttrDef) End() token.Pos {
	if n.Semi.IsValid() {
		return n.Semi + 1
	}
	return n.Value.End()
}

func (n *Inherit) End() token.Pos {
	switch {
	case n.Semi.IsValid():
		return n.Semi + 1
	case len(n.Names) > 0:
		return n.Names[len(n.Names)-1].End()
	case n.Rparen.IsValid():
		return n.Rparen + 1
	case n.From != nil:
		return n.From.End()
	case n.Lparen.IsValid():
		return n.Lparen + 1
	}
	return n.Inherit + token.Pos(len("inherit"))
}

func (*Ident) exprNode()          {}
func (*IntLit) exprNode()         {}
func (*FloatLit) exprNode()       {}
func (*StringExpr) exprNode()     {}
func (*PathExpr) exprNode()       {}
func (*LookupPathExpr) exprNode() {}
func (*URIExpr) exprNode()        {}
func (*CurPosExpr) exprNode()     {}
func (*BadExpr) exprNode()        {}
func (*ParenExpr) exprNode()      {}
func (*ListExpr) exprNode()       {}
func (*AttrSetExpr) exprNode()    {}
func (*LetExpr) exprNode()        {}
func (*LegacyLetExpr) exprNode()  {}
func (*SelectExpr) exprNode()     {}
func (*HasAttrExpr) exprNode()    {}
func (*CallExpr) exprNode()       {}
func (*UnaryExpr) exprNode()      {}
func (*BinaryExpr) exprNode()     {}
func (*LambdaExpr) exprNode()     {}
func (*WithExpr) exprNode()       {}
func (*AssertExpr) exprNode()     {}
func (*IfExpr) exprNode()         {}

func (*AttrDef) bindingNode() {}
func (*Inherit) bindingNode() {}

func (*Name) attrKeyNode()          {}
func (*StringExpr) attrKeyNode()    {}
func (*Interpolation) attrKeyNode() {}
func (*BadExpr) attrKeyNode()       {}

func (*StringText) stringPartNode()    {}
func (*Interpolation) stringPartNode() {}
