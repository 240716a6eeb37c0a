// Package scope resolves the variables of a Nix syntax tree to their
// definitions, the way Nix's bindVars does, and reports the semantic
// errors Nix reports while doing so.
//
// Resolution order follows Nix: a name bound by an enclosing let, rec set,
// lambda argument, formal or inherit wins, however many `with`s lie
// between; otherwise a builtin global name (true, map, import, builtins…)
// wins over any `with`; otherwise the name may come from the enclosing
// `with`s (innermost first); otherwise it is undefined.
package scope

import (
	"go/token"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// DefKind says what introduced a definition.
type DefKind uint8

const (
	LetDef       DefKind = iota // let x = …; (also legacy let { … })
	RecDef                      // rec { x = …; }
	LambdaArgDef                // x: …
	FormalDef                   // { x, … }:
	AtDef                       // args@{ … }: or { … }@args:
	BuiltinDef                  // a global name of Nix's base environment
)

// Def is one definition of a name.
type Def struct {
	Name string
	Kind DefKind
	// Ident is the defining name: the first key of the AttrDef's path, the
	// inherited name, the formal's or argument's name. Nil for builtins.
	Ident *ast.Name
	// Node is the node holding the definition: *ast.AttrDef, *ast.Inherit,
	// *ast.Formal or *ast.LambdaExpr. Nil for builtins.
	Node ast.Node
	// Owner is the expression that opens the scope: *ast.LetExpr,
	// *ast.LegacyLetExpr, *ast.AttrSetExpr (rec) or *ast.LambdaExpr.
	Owner ast.Expr
	// Uses are the references resolved to this definition, in source order.
	Uses []*ast.Ident
}

// ErrorKind classifies a semantic error.
type ErrorKind uint8

const (
	UndefinedVariable  ErrorKind = iota // undefined variable 'x'
	DuplicateAttribute                  // attribute 'x' already defined at …
	DuplicateFormal                     // duplicate formal function argument 'x'
	DynamicInLet                        // dynamic attributes not allowed in let / inherit
)

// Error is a semantic error at a position, worded as Nix words it.
type Error struct {
	Kind ErrorKind
	Pos  token.Pos
	End  token.Pos
	Msg  string
}

// Info is the result of binding one file.
type Info struct {
	// Defs lists every non-builtin definition in source order.
	Defs []*Def
	// Refs maps each variable reference to its definition. A reference
	// that can only come from a `with` (or is undefined) is absent.
	Refs map[*ast.Ident]*Def
	// WithRefs maps each reference that is not statically bound to the
	// enclosing `with` expressions that may supply it, innermost first.
	WithRefs map[*ast.Ident][]*ast.WithExpr
	// Errors lists the semantic errors in source order.
	Errors []Error
}

// Bind resolves the references of f. (Placeholder until the binder lands.)
func Bind(f *ast.File) *Info {
	return &Info{Refs: map[*ast.Ident]*Def{}, WithRefs: map[*ast.Ident][]*ast.WithExpr{}}
}
