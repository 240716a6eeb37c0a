// Package nixshape recognises the roles Nix code plays by its shape: the
// top-level function of a file (a callPackage package or a NixOS or
// home-manager module), the functions that are modules and a flake's
// outputs function.
package nixshape

import (
	"bytes"
	"sort"
	"strings"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// TopLevelLambdas returns the file's top-level function and, when it
// returns a function directly ({ lib }: { pkgs, ... }: …), those too: the
// functions callPackage and the module system call, whose patterns say
// what they want passed.
func TopLevelLambdas(root ast.Expr) map[*ast.LambdaExpr]bool {
	top := map[*ast.LambdaExpr]bool{}
	for e := root; e != nil; {
		lam, ok := ast.Unparen(e).(*ast.LambdaExpr)
		if !ok {
			break
		}
		top[lam] = true
		e = lam.Body
	}
	return top
}

// MayBeModule reports whether lam, whose parent node is parent, may be a
// module: a top-level function, an element of a list (imports, modules,
// sharedModules, …), or a function returning an attribute set (after
// let, with and parentheses), as modules do.
func MayBeModule(lam *ast.LambdaExpr, parent ast.Node, topLevel map[*ast.LambdaExpr]bool) bool {
	if topLevel[lam] {
		return true
	}
	if _, inList := parent.(*ast.ListExpr); inList {
		return true
	}
	body := lam.Body
	for {
		switch b := body.(type) {
		case *ast.ParenExpr:
			body = b.X
			continue
		case *ast.LetExpr:
			body = b.Body
			continue
		case *ast.WithExpr:
			body = b.Body
			continue
		case *ast.AttrSetExpr:
			return true
		}
		return false
	}
}

// patternReaders are the functions that read a function's pattern
// (builtins.functionArgs and the library functions built on it), so
// that the formals of a function passed to them matter even when its
// body ignores them.
var patternReaders = map[string]bool{
	"functionArgs": true, "setFunctionArgs": true, "mirrorFunctionArgs": true,
	"makeOverridable": true, "callPackage": true, "callPackageWith": true,
	"callPackagesWith": true, "callPackages": true,
}

// PatternRead reports whether lam is passed, directly or as an argument
// of calls nested in each other, to a function that reads its pattern:
// functionArgs (withNormalizedHash { } ({ outputHash ? "" }: { })).
func PatternRead(lam *ast.LambdaExpr, parent func(ast.Node) ast.Node) bool {
	var n ast.Node = lam
	for {
		p := parent(n)
		switch p := p.(type) {
		case *ast.ParenExpr:
		case *ast.CallExpr:
			if ast.Node(p.Fun) != n && patternReaders[LastName(p.Fun)] {
				return true
			}
		default:
			return false
		}
		n = p
	}
}

// LastName returns the name an expression ends in: f for f and for
// lib.f (without `or`), "" otherwise.
func LastName(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectExpr:
		if name, ok := ast.KeyName(e.Path.Keys[len(e.Path.Keys)-1]); ok && e.Default == nil {
			return name
		}
	}
	return ""
}

// IsConstant reports whether e is a literal that mentions no variable
// other than null, true and false: a number, a string without
// interpolation, or a list or plain set of constants.
func IsConstant(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.IntLit, *ast.FloatLit:
		return true
	case *ast.Ident:
		return e.Name == "null" || e.Name == "true" || e.Name == "false"
	case *ast.StringExpr:
		_, static := e.StaticValue()
		return static
	case *ast.ListExpr:
		for _, x := range e.Elems {
			if !IsConstant(x) {
				return false
			}
		}
		return true
	case *ast.AttrSetExpr:
		if e.Rec.IsValid() {
			return false
		}
		for _, b := range e.Bindings {
			def, ok := b.(*ast.AttrDef)
			if !ok || !IsConstant(def.Value) {
				return false
			}
			if !isStaticPath(def.Path) {
				return false
			}
		}
		return true
	}
	return false
}

// isStaticPath reports whether every key of p is static (PathNames
// without building the names).
func isStaticPath(p *ast.AttrPath) bool {
	for _, k := range p.Keys {
		if _, ok := ast.KeyName(k); !ok {
			return false
		}
	}
	return true
}

// FlakeOutputs returns the function bound to `outputs` in a flake.nix
// (`outputs = { self, nixpkgs, ... }: …`), or nil. Nix calls it with
// self and every input, so its pattern is fixed by the inputs, not by
// what its body uses.
func FlakeOutputs(f *ast.File) *ast.LambdaExpr {
	if !nixpass.HasBase(f.Name, "flake.nix") {
		return nil
	}
	set, ok := ast.Unparen(f.Expr).(*ast.AttrSetExpr)
	if !ok {
		return nil
	}
	for _, b := range set.Bindings {
		def, ok := b.(*ast.AttrDef)
		if !ok || len(def.Path.Keys) != 1 {
			continue
		}
		if name, ok := ast.KeyName(def.Path.Keys[0]); ok && name == "outputs" {
			lam, _ := ast.Unparen(def.Value).(*ast.LambdaExpr)
			return lam
		}
	}
	return nil
}

// TopKeys returns the names set defines at its top level, in order: the
// first key of each attribute path and every inherited name (a name may
// repeat, as in `a.b = 1; a.c = 2;`). ok is false when one of them is
// dynamic (`${x} = …;`).
func TopKeys(set *ast.AttrSetExpr) (names []string, ok bool) {
	for _, b := range set.Bindings {
		var keys []ast.AttrKey
		switch b := b.(type) {
		case *ast.AttrDef:
			keys = b.Path.Keys[:1]
		case *ast.Inherit:
			keys = b.Names
		}
		for _, k := range keys {
			name, static := ast.KeyName(k)
			if !static {
				return nil, false
			}
			names = append(names, name)
		}
	}
	return names, true
}

// HasDocComment reports whether a doc comment (`/** … */`, RFC 145, as
// nixdoc reads it) directly precedes n, with only layout between them.
// Such a comment documents n under its name, which is why nixpkgs' lib
// writes `attrValues = builtins.attrValues;` rather than an inherit.
func HasDocComment(f *ast.File, n ast.Node) bool {
	i := sort.Search(len(f.Comments), func(i int) bool { return f.Comments[i].End() > n.Pos() })
	if i == 0 {
		return false
	}
	c := f.Comments[i-1]
	if !strings.HasPrefix(c.Text, "/**") || c.Text == "/**/" {
		return false
	}
	between := f.Src[f.Offset(c.End()):f.Offset(n.Pos())]
	return len(bytes.TrimSpace(between)) == 0
}
