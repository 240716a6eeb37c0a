package ast

import "go/token"

// Node is implemented by every syntax tree node.
type Node interface {
	Pos() token.Pos // position of the first byte of the node
	End() token.Pos // position immediately after the node
}

// Expr is implemented by every expression node.
type Expr interface {
	Node
	exprNode()
}

// Binding is an entry of an attribute set, let or legacy let:
// *AttrDef or *Inherit.
type Binding interface {
	Node
	bindingNode()
}

// AttrKey is one element of an attribute path: *Name (a.b), *StringExpr
// (a."b" or a."${b}") or *Interpolation (a.${b}).
type AttrKey interface {
	Node
	attrKeyNode()
}

// StringPart is a piece of a string or path: *StringText or *Interpolation.
type StringPart interface {
	Node
	stringPartNode()
}

// ----------------------------------------------------------------------------
// Leaves

// Ident is a variable reference, such as x or __curPos's siblings like
// builtins. (The `__curPos` keyword is CurPosExpr.)
type Ident struct {
	NamePos token.Pos
	Name    string
}

// Name is an identifier in a binding position: an attribute key, a formal,
// a lambda argument, an @-pattern name or an inherited name.
type Name struct {
	NamePos token.Pos
	Name    string
}

// IntLit is an integer literal. Raw is the source text.
type IntLit struct {
	ValuePos token.Pos
	Raw      string
	Value    int64
}

// FloatLit is a floating-point literal such as 1.5, .5, 1e3 or 1.e-2.
type FloatLit struct {
	ValuePos token.Pos
	Raw      string
	Value    float64
}

// StringExpr is a "…" string or an ”…” indented string.
// Open is the position of the opening quote; Close the position of the
// closing quote (one byte for ", two for ”).
type StringExpr struct {
	Open     token.Pos
	Indented bool
	Parts    []StringPart
	Close    token.Pos
}

// StringText is a literal run inside a string or path. Raw is the source
// text of the run; Value is its meaning after escapes (and, in indented
// strings, after Nix's indentation stripping).
//
// The parts are Nix's lexer tokens: in an indented string every escape
// (”$, ”', ”\x) and every lone $ or ' is a StringText of its own, and
// a Value may be "" after stripping. In a path, each piece between
// interpolations is one StringText whose Value is its Raw text.
type StringText struct {
	ValuePos token.Pos
	Raw      string
	Value    string
}

// Interpolation is ${X} inside a string or path, or as a dynamic attribute
// key.
type Interpolation struct {
	Dollar token.Pos // position of "${"
	X      Expr
	Rbrace token.Pos // position of "}"
}

// PathKind tells how a path literal is anchored.
type PathKind uint8

const (
	PathRelative PathKind = iota // ./a, a/b, ../a
	PathAbsolute                 // /a/b
	PathHome                     // ~/a
)

// PathExpr is a path literal, possibly with interpolations (./a/${b}).
type PathExpr struct {
	ValuePos token.Pos
	Kind     PathKind
	Parts    []StringPart
	EndPos   token.Pos
}

// LookupPathExpr is <nixpkgs> or <nixpkgs/lib>; Path is the text between
// the angle brackets.
type LookupPathExpr struct {
	ValuePos token.Pos
	Path     string
}

// URIExpr is an unquoted URI literal such as https://example.org/x.tar.gz.
type URIExpr struct {
	ValuePos token.Pos
	Value    string
}

// CurPosExpr is the __curPos keyword.
type CurPosExpr struct {
	ValuePos token.Pos
}

// BadExpr stands for source that failed to parse.
type BadExpr struct {
	From, To token.Pos
}

// ----------------------------------------------------------------------------
// Composite expressions

// ParenExpr is (X).
type ParenExpr struct {
	Lparen token.Pos
	X      Expr
	Rparen token.Pos
}

// ListExpr is [ e1 e2 … ].
type ListExpr struct {
	Lbrack token.Pos
	Elems  []Expr
	Rbrack token.Pos
}

// AttrSetExpr is { … } or rec { … }. Rec is token.NoPos unless the set is
// recursive.
type AttrSetExpr struct {
	Rec      token.Pos
	Lbrace   token.Pos
	Bindings []Binding
	Rbrace   token.Pos
}

// LetExpr is let <bindings> in Body.
type LetExpr struct {
	Let      token.Pos
	Bindings []Binding
	In       token.Pos
	Body     Expr
}

// LegacyLetExpr is let { <bindings> } whose value is the binding "body".
type LegacyLetExpr struct {
	Let      token.Pos
	Lbrace   token.Pos
	Bindings []Binding
	Rbrace   token.Pos
}

// AttrPath is a dotted attribute path a.b."c".${d}.
type AttrPath struct {
	Keys []AttrKey
}

// SelectExpr is X.Path, or X.Path or Default when Or is valid.
type SelectExpr struct {
	X       Expr
	Dot     token.Pos
	Path    *AttrPath
	Or      token.Pos // position of "or"; token.NoPos without a default
	Default Expr
}

// HasAttrExpr is X ? Path.
type HasAttrExpr struct {
	X        Expr
	Question token.Pos
	Path     *AttrPath
}

// CallExpr is function application, flattened: f a b is one CallExpr with
// two Args (as Nix's own ExprCall).
type CallExpr struct {
	Fun  Expr
	Args []Expr
}

// Op is a unary or binary operator.
type Op uint8

const (
	OpInvalid   Op = iota
	OpNeg          // -x
	OpNot          // !x
	OpEq           // ==
	OpNEq          // !=
	OpLess         // <
	OpLEq          // <=
	OpGreater      // >
	OpGEq          // >=
	OpAnd          // &&
	OpOr           // ||
	OpImpl         // ->
	OpUpdate       // //
	OpConcat       // ++
	OpAdd          // +
	OpSub          // -
	OpMul          // *
	OpDiv          // /
	OpPipeRight    // |>
	OpPipeLeft     // <|
)

var opStrings = [...]string{
	OpInvalid: "?", OpNeg: "-", OpNot: "!", OpEq: "==", OpNEq: "!=",
	OpLess: "<", OpLEq: "<=", OpGreater: ">", OpGEq: ">=", OpAnd: "&&",
	OpOr: "||", OpImpl: "->", OpUpdate: "//", OpConcat: "++", OpAdd: "+",
	OpSub: "-", OpMul: "*", OpDiv: "/", OpPipeRight: "|>", OpPipeLeft: "<|",
}

func (o Op) String() string {
	if int(o) < len(opStrings) {
		return opStrings[o]
	}
	return "?"
}

// UnaryExpr is -X or !X.
type UnaryExpr struct {
	OpPos token.Pos
	Op    Op
	X     Expr
}

// BinaryExpr is X Op Y.
type BinaryExpr struct {
	X     Expr
	OpPos token.Pos
	Op    Op
	Y     Expr
}

// LambdaExpr is a function. Exactly one of Arg and Formals is set, or both
// for an @-pattern (args@{ … }: or { … }@args:). At is the position of "@"
// when present.
type LambdaExpr struct {
	Arg     *Name
	At      token.Pos
	Formals *Formals
	Colon   token.Pos
	Body    Expr
}

// Formals is the { a, b ? d, ... } pattern of a lambda. Ellipsis is
// token.NoPos when the pattern has no "...".
type Formals struct {
	Lbrace   token.Pos
	List     []*Formal
	Ellipsis token.Pos
	Rbrace   token.Pos
}

// Formal is one name of a pattern, with an optional default.
type Formal struct {
	Name     *Name
	Question token.Pos // token.NoPos without a default
	Default  Expr
	Comma    token.Pos // token.NoPos when no comma follows
}

// WithExpr is with Scope; Body.
type WithExpr struct {
	With  token.Pos
	Scope Expr
	Semi  token.Pos
	Body  Expr
}

// AssertExpr is assert Cond; Body.
type AssertExpr struct {
	Assert token.Pos
	Cond   Expr
	Semi   token.Pos
	Body   Expr
}

// IfExpr is if Cond then Then else Else.
type IfExpr struct {
	If      token.Pos
	Cond    Expr
	ThenPos token.Pos
	Then    Expr
	ElsePos token.Pos
	Else    Expr
}

// ----------------------------------------------------------------------------
// Bindings

// AttrDef is Path = Value;. Semi is token.NoPos when the semicolon is
// missing (after a syntax error).
type AttrDef struct {
	Path  *AttrPath
	Eq    token.Pos
	Value Expr
	Semi  token.Pos
}

// Inherit is inherit a b; or inherit (From) a b;. Names holds *Name and
// *StringExpr keys (dynamic keys are an error Nix reports, kept for it).
type Inherit struct {
	Inherit token.Pos
	Lparen  token.Pos // token.NoPos without a source expression
	From    Expr
	Rparen  token.Pos
	Names   []AttrKey
	Semi    token.Pos
}
