package pkgrules

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// builders are the functions whose argument set describes a package, by
// their last name (stdenv.mkDerivation, python3Packages.buildPythonPackage,
// rustPlatform.buildRustPackage, …).
var builders = map[string]bool{
	"mkDerivation":           true,
	"buildGoModule":          true,
	"buildGoPackage":         true,
	"buildPythonPackage":     true,
	"buildPythonApplication": true,
	"buildRustPackage":       true,
	"buildNpmPackage":        true,
	"buildDotnetModule":      true,
	"buildPerlPackage":       true,
	"buildDunePackage":       true,
	"buildRubyGem":           true,
	"buildMavenPackage":      true,
	"buildGradlePackage":     true,
	"buildNimPackage":        true,
	"buildZigPackage":        true,
	"mkYarnPackage":          true,
}

// builderNames are the builders, for looking every call up.
var builderNames = nixmatch.NewNameTable(builders)

// isBuilder reports whether name is one of builders.
func isBuilder(name string) bool {
	_, ok := builderNames.Get(name)
	return ok
}

// drvCall is a call of a package builder whose argument is a set.
type drvCall struct {
	Fun ast.Expr
	// Set is the attribute set describing the package.
	Set *ast.AttrSetExpr
}

// derivations returns the builder calls of the file, in source order.
func derivations(pass *analysis.Pass) []drvCall { return slices.Clip(factsOf(pass).derivations) }

// findDerivations appends to out the builder calls among calls, those of
// f, and returns the extended out.
func findDerivations(f *nixpass.File, calls []nixmatch.Call, out []drvCall) []drvCall {
	for _, c := range calls {
		if _, builder := builderNames.Get(c.Name.Last()); len(c.Args) != 1 || !builder || isLocalBuilder(f, c.Fun) {
			continue
		}
		if set := nixmatch.SetArg(c.Args[0]); set != nil {
			out = append(out, drvCall{Fun: c.Fun, Set: set})
		}
	}
	return out
}

// packages returns the builder calls of f that build packages: all of
// them, or none in a NixOS or home-manager module, whose derivations are
// helpers (generated configuration files) that nobody installs or
// searches for. Most files have no builder call: the derivations,
// memoized for the file, are asked first, so that only files with some
// are asked whether they are modules.
func packages(pass *analysis.Pass) []drvCall {
	ds := derivations(pass)
	if len(ds) == 0 || isModule(nixpass.Of(pass)) {
		return nil
	}
	return ds
}

// fetcherOrBuilderCalls returns the calls of the file whose function
// takes fetcher or derivation arguments (see isFetcherOrBuilder).
func fetcherOrBuilderCalls(pass *analysis.Pass) []nixmatch.Call {
	return slices.Clip(factsOf(pass).fetcherOrBuilderCalls)
}

// findFetcherOrBuilderCalls appends to out the fetcher and builder calls
// among calls, and returns the extended out.
func findFetcherOrBuilderCalls(calls []nixmatch.Call, out []nixmatch.Call) []nixmatch.Call {
	for _, c := range calls {
		if isFetcherOrBuilder(c.Name.Last()) {
			out = append(out, c)
		}
	}
	return out
}

// argBinding is a `name = value;` binding of a set passed to a call: a
// fetcher's or builder's argument.
type argBinding struct {
	Fun  ast.Expr // the called function
	Set  *ast.AttrSetExpr
	Def  *ast.AttrDef
	Name string
}

// argBindings returns the one-key bindings of every set passed to a
// fetcher or builder call of the file (directly, or returned by a
// function argument such as `finalAttrs: { … }`) whose name satisfies
// want, in source order.
func argBindings(pass *analysis.Pass, want func(name string) bool) []argBinding {
	return bindingsOf(fetcherOrBuilderCalls(pass), want, nil)
}

// bindingsOf appends to out argBindings of the fetcher and builder calls
// calls, and returns the extended out.
func bindingsOf(calls []nixmatch.Call, want func(name string) bool, out []argBinding) []argBinding {
	for _, c := range calls {
		for _, a := range c.Args {
			set := nixmatch.SetArg(a)
			if set == nil {
				continue
			}
			for _, b := range set.Bindings {
				if d, name, ok := oneKeyDef(b); ok && want(name) {
					out = append(out, argBinding{Fun: c.Fun, Set: set, Def: d, Name: name})
				}
			}
		}
	}
	return out
}

// funName returns a short spelling of a called function for messages:
// its text, or its last name when the text is long.
func funName(f *nixpass.File, fun ast.Expr) string {
	return nixmatch.Snippet(f.File, fun, lastName(f, fun))
}

// isFetcherOrBuilder reports whether a function, by its last name, takes
// fetcher or derivation arguments: fetchers (any name with "fetch" in it,
// fetchurl, fetchFromGitHub, a project's own myFetcher), package builders,
// derivation, runCommand* and overrideAttrs. Sets passed to other
// functions (a function under test, a configuration helper) are not
// fetcher arguments, whatever their keys.
func isFetcherOrBuilder(name string) bool {
	return containsFold(name, "fetch") || isBuilder(name) ||
		name == "derivation" || name == "overrideAttrs" || strings.HasPrefix(name, "runCommand")
}

// containsFold reports whether s contains the lower-case ASCII word, in
// any case (strings.ToLower would copy every name with a capital). An
// ASCII s, the usual name, is compared byte by byte, each letter
// lower-cased; others go through strings.EqualFold, whose Unicode case
// folding the byte comparison need not reproduce.
func containsFold(s, word string) bool {
	if word == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return containsFoldUnicode(s, word)
		}
		// A match in the ASCII start of s is one for strings.EqualFold too.
		if c|0x20 == word[0] && i+len(word) <= len(s) && hasPrefixFold(s[i:], word) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether the ASCII s starts with the lower-case
// ASCII word, ignoring the case of letters.
func hasPrefixFold(s, word string) bool {
	for j := 0; j < len(word); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[j] {
			return false
		}
	}
	return true
}

// containsFoldUnicode is containsFold for any s.
func containsFoldUnicode(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// isLocalBuilder reports whether fun is a project's own builder rather
// than nixpkgs' (as in test suites): a name a let binds to a function (a
// wrapper), or a builder taken from a file of the project imported as a
// set (`with import ./config.nix; mkDerivation`, `config.mkDerivation`
// where `config = import ./config.nix;`). A file imported and called
// (`import ./nixpkgs.nix { }`) is a nixpkgs pin, not a local builder.
func isLocalBuilder(f *nixpass.File, fun ast.Expr) bool {
	switch e := ast.Unparen(fun).(type) {
	case *ast.Ident:
		if _, isFunc := ast.Unparen(nixmatch.BoundValue(f.Info, e)).(*ast.LambdaExpr); isFunc {
			return true
		}
		withs := f.Info.WithsOf(e)
		return len(withs) > 0 && importsProjectSet(f, withs[0].Scope)
	case *ast.SelectExpr:
		return importsProjectSet(f, e.X)
	}
	return false
}

// importsProjectSet reports whether e is (or is bound to) `import FILE`
// of a path, string or lookup path, without further arguments.
func importsProjectSet(f *nixpass.File, e ast.Expr) bool {
	imp, args := nixmatch.FlattenCall(nixmatch.Resolve(f.Info, e))
	if imp == nil || len(args) != 1 || !nixmatch.Refers(f.Info, imp, "builtins.import") {
		return false
	}
	switch ast.Unparen(args[0]).(type) {
	case *ast.PathExpr, *ast.StringExpr, *ast.LookupPathExpr:
		return true // nixpkgs itself is imported and called: import <nixpkgs> { }
	}
	return false
}

// oneKeyDef returns b as a `name = value;` binding.
func oneKeyDef(b ast.Binding) (*ast.AttrDef, string, bool) {
	d, ok := b.(*ast.AttrDef)
	if !ok || len(d.Path.Keys) != 1 {
		return nil, "", false
	}
	name, ok := ast.KeyName(d.Path.Keys[0])
	return d, name, ok
}

// lastName returns the last name of the function fun denotes
// (mkDerivation for stdenv.mkDerivation), or "".
func lastName(f *nixpass.File, fun ast.Expr) string {
	name, _ := nixmatch.QualifiedName(f.Info, fun)
	if len(name) == 0 {
		return ""
	}
	return name[len(name)-1]
}

// moduleOnlyArgs are formals only a module function takes.
var moduleOnlyArgs = nixmatch.NewNameTable(map[string]bool{"config": true, "options": true, "modulesPath": true, "osConfig": true, "nixosConfig": true})

// isModule reports whether f is a NixOS or home-manager module rather
// than a package file: nixmatch.IsModuleFile also accepts
// `{ lib, stdenv }: { … }`, a set of packages, so a module function must
// here take an argument only modules take, or be open (`...`, which
// callPackage files rarely are) without taking stdenv or a builder.
func isModule(f *nixpass.File) bool {
	if !nixmatch.IsModuleFile(f) {
		return false
	}
	fn, ok := ast.Unparen(f.Expr).(*ast.LambdaExpr)
	if !ok || fn.Formals == nil {
		return true // a set with imports, options or config
	}
	packageArgs := false
	for _, formal := range fn.Formals.List {
		name := formal.Name.Name
		if _, ok := moduleOnlyArgs.Get(name); ok {
			return true
		}
		packageArgs = packageArgs || isBuilder(name) || strings.HasPrefix(name, "stdenv") || strings.HasPrefix(name, "fetch")
	}
	return fn.Formals.Ellipsis.IsValid() && !packageArgs
}
