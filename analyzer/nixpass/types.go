package nixpass

import "github.com/nixaudit/nixaudit/nixparse/ast"

// The index numbers of the node types, the bits of an entry's sub.
const (
	tFile uint8 = iota
	tIdent
	tName
	tIntLit
	tFloatLit
	tStringExpr
	tStringText
	tInterpolation
	tPath
	tLookupPath
	tURI
	tCurPos
	tBad
	tParen
	tList
	tAttrSet
	tLet
	tLegacyLet
	tAttrPath
	tSelect
	tHasAttr
	tCall
	tUnary
	tBinary
	tLambda
	tFormals
	tFormal
	tWith
	tAssert
	tIf
	tAttrDef
	tInherit
	// tOther is the type of nodes of no type above (none from the parser).
	tOther = 63
)

// listed are the node types whose lists of nodes (Inspector.byType) are
// made while the index is built: those the rules' traversals ask for in
// most files. Most nodes are of other types (names, attribute paths,
// string texts: half of a tree), whose lists are made when a traversal
// first asks (Inspector.list). Identifiers are not listed: the rules
// that traverse them (impure-builtin, deprecated-is-null,
// deprecated-to-path) do so only in the few files their prefilters let
// through.
const listed uint64 = 1<<tIntLit | 1<<tStringExpr | 1<<tLookupPath | 1<<tURI |
	1<<tAttrSet | 1<<tLet | 1<<tLegacyLet | 1<<tSelect | 1<<tCall | 1<<tUnary | 1<<tBinary |
	1<<tLambda | 1<<tWith | 1<<tIf | 1<<tAttrDef | 1<<tInherit

func maskOf(types []ast.Node) uint64 {
	switch len(types) {
	case 0:
		return ^uint64(0)
	case 1: // most traversals
		return 1 << typeIndex(types[0])
	}
	var mask uint64
	for _, t := range types {
		mask |= typeOf(t)
	}
	return mask
}

// typeOf returns the type bit of n's node type.
func typeOf(n ast.Node) uint64 { return 1 << typeIndex(n) }

// typeIndex returns the index of n's node type's bit.
func typeIndex(n ast.Node) uint8 {
	switch n.(type) {
	case *ast.File:
		return tFile
	case *ast.Ident:
		return tIdent
	case *ast.Name:
		return tName
	case *ast.IntLit:
		return tIntLit
	case *ast.FloatLit:
		return tFloatLit
	case *ast.StringExpr:
		return tStringExpr
	case *ast.StringText:
		return tStringText
	case *ast.Interpolation:
		return tInterpolation
	case *ast.PathExpr:
		return tPath
	case *ast.LookupPathExpr:
		return tLookupPath
	case *ast.URIExpr:
		return tURI
	case *ast.CurPosExpr:
		return tCurPos
	case *ast.BadExpr:
		return tBad
	case *ast.ParenExpr:
		return tParen
	case *ast.ListExpr:
		return tList
	case *ast.AttrSetExpr:
		return tAttrSet
	case *ast.LetExpr:
		return tLet
	case *ast.LegacyLetExpr:
		return tLegacyLet
	case *ast.AttrPath:
		return tAttrPath
	case *ast.SelectExpr:
		return tSelect
	case *ast.HasAttrExpr:
		return tHasAttr
	case *ast.CallExpr:
		return tCall
	case *ast.UnaryExpr:
		return tUnary
	case *ast.BinaryExpr:
		return tBinary
	case *ast.LambdaExpr:
		return tLambda
	case *ast.Formals:
		return tFormals
	case *ast.Formal:
		return tFormal
	case *ast.WithExpr:
		return tWith
	case *ast.AssertExpr:
		return tAssert
	case *ast.IfExpr:
		return tIf
	case *ast.AttrDef:
		return tAttrDef
	case *ast.Inherit:
		return tInherit
	}
	return tOther
}
