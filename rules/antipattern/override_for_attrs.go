package antipattern

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixshape"
)

// OverrideForAttrs flags .override calls that pass derivation attributes.
var OverrideForAttrs = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "override-for-attrs",
		Doc: "`.override { … }` with derivation attributes where `overrideAttrs` is meant" + `

## What it does
Flags ` + "`pkg.override { … }`" + ` whose attributes are all derivation attributes
(` + "`src`, `version`, `patches`, `postPatch`, `buildInputs`, `meta`" + `, …) rather
than arguments of the package's function.

## Why is this bad?
` + "`.override`" + ` changes the arguments ` + "`callPackage`" + ` passed to the package
function (dependencies, feature flags). Attributes it does not know are
ignored or fail with "called with unexpected argument", so the change the
author wanted never reaches the derivation. ` + "`.overrideAttrs`" + ` changes the
derivation's attributes.

## Example
` + "```nix" + `
{ pkgs }:
pkgs.hello.override {
  patches = [ ./fix.patch ];
}
` + "```" + `

## Use instead
` + "```nix" + `
{ pkgs }:
pkgs.hello.overrideAttrs (old: {
  patches = (old.patches or [ ]) ++ [ ./fix.patch ];
})
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runOverrideForAttrs,
	},
	Category: category,
	Severity: analyzer.SeverityInfo,
}

// derivationAttrs are attributes of mkDerivation that package functions
// do not take as arguments.
var derivationAttrs = []string{
	"src", "srcs", "version", "pname", "name", "patches", "prePatch", "postPatch", "preConfigure",
	"postConfigure", "configureFlags", "cmakeFlags", "mesonFlags", "makeFlags", "buildFlags",
	"installFlags", "buildInputs", "nativeBuildInputs", "propagatedBuildInputs", "checkInputs",
	"nativeCheckInputs", "buildPhase", "configurePhase", "installPhase", "checkPhase", "fixupPhase",
	"unpackPhase", "patchPhase", "preBuild", "postBuild", "preInstall", "postInstall", "preFixup",
	"postFixup", "preCheck", "postCheck", "postUnpack", "doCheck", "doInstallCheck", "dontStrip",
	"dontUnpack", "dontBuild", "dontConfigure", "meta", "passthru", "env", "outputs",
	"separateDebugInfo", "enableParallelBuilding", "NIX_CFLAGS_COMPILE", "sourceRoot", "vendorHash",
	"cargoHash", "npmDepsHash",
}

func runOverrideForAttrs(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectExpr)
		if !ok || sel.Default != nil {
			return
		}
		last := sel.Path.Keys[len(sel.Path.Keys)-1]
		if name, _ := ast.KeyName(last); name != "override" {
			return
		}
		set, ok := ast.Unparen(call.Args[0]).(*ast.AttrSetExpr)
		if !ok {
			return
		}
		if attrs := onlyDerivationAttrs(set); attrs != nil {
			pass.Report(analysis.Diagnostic{Pos: last.Pos(), End: last.End(),
				Message: "`.override` changes the package function's arguments, but " + strings.Join(attrs, ", ") +
					" are derivation attributes: use `.overrideAttrs (old: { … })`"})
		}
	})
	return nil, nil
}

// onlyDerivationAttrs returns the names set defines when there are some
// and all are derivation attributes, else nil.
func onlyDerivationAttrs(set *ast.AttrSetExpr) []string {
	names, static := nixshape.TopKeys(set)
	if !static {
		return nil
	}
	for _, name := range names {
		if !slices.Contains(derivationAttrs, name) {
			return nil
		}
	}
	return names
}
