// Package ast declares the types used to represent syntax trees for Nix
// expressions.
//
// Every node reports its extent with Pos and End as go/token positions, so
// the trees plug into a token.FileSet and into golang.org/x/tools/go/analysis
// diagnostics unchanged. End is the position immediately after the node.
//
// Identifiers come in two kinds: *Ident is a variable reference (an
// expression), *Name is an identifier in a binding position (an attribute
// key, a formal, a lambda argument, an @-pattern name, an inherited name).
// The scope package resolves every *Ident to its definition.
package ast
