package antipattern

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// ImportFromDerivation flags reading a derivation's output while
// evaluating.
var ImportFromDerivation = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "import-from-derivation",
		Doc: "`import`/`readFile`/`readDir`/`pathExists` of a derivation's output" + `

## What it does
Flags ` + "`import`, `builtins.readFile`, `builtins.readDir`, `builtins.pathExists`" + `
(and ` + "`lib.importJSON`, `lib.importTOML`, `lib.fileContents`" + `) applied to a
derivation: the result of ` + "`runCommand`, `writeText`, `pkgs.fetchFromGitHub`" + `
and other nixpkgs fetchers and builders, or a package ` + "`pkgs.x`" + `, also when
the derivation is bound to a name first (` + "`let src = pkgs.fetchFromGitHub {…}; in import \"${src}/nix\"`" + `).
` + "`builtins.fetchTarball`" + ` and ` + "`builtins.fetchGit`" + ` fetch while evaluating and are
not flagged.

## Why is this bad?
Evaluation stops until the derivation is built ("import from derivation"):
` + "`nix flake check`" + `, Hydra and ` + "`nix search`" + ` refuse it or become slow, and
evaluation on one platform may need builds for another.

## Example
` + "```nix" + `
{ pkgs }:
let
  src = pkgs.fetchFromGitHub { owner = "o"; repo = "r"; rev = "v1"; hash = "sha256-AAAA"; };
in
import "${src}/default.nix" { inherit pkgs; }
` + "```" + `

## Use instead
` + "```nix" + `
{ pkgs }:
let
  src = builtins.fetchTarball {
    url = "https://github.com/o/r/archive/v1.tar.gz";
    sha256 = "0000000000000000000000000000000000000000000000000000";
  };
in
import "${src}/default.nix" { inherit pkgs; }
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runImportFromDerivation,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
}

// fileReaders maps functions that read a path while evaluating to the
// index of that path among their arguments.
var fileReaders = map[string]int{
	"builtins.import":       0,
	"builtins.scopedImport": 1,
	"builtins.readFile":     0,
	"builtins.readDir":      0,
	"builtins.pathExists":   0,
	"builtins.readFileType": 0,
	"lib.importJSON":        0,
	"lib.importTOML":        0,
	"lib.fileContents":      0,
}

// derivationBuilders are nixpkgs functions whose result is a derivation.
var derivationBuilders = []string{
	"runCommand", "runCommandLocal", "runCommandNoCC", "runCommandCC", "writeText", "writeTextFile",
	"writeTextDir", "writeScript", "writeScriptBin", "writeShellScript", "writeShellScriptBin",
	"writeShellApplication", "symlinkJoin", "linkFarm", "linkFarmFromDrvs", "mkDerivation",
	"callPackage", "applyPatches", "srcOnly", "fetchzip", "fetchgit", "fetchFromGitHub",
	"fetchFromGitLab", "fetchFromGitea", "fetchFromSourcehut", "fetchFromBitbucket",
	"fetchFromSavannah", "fetchpatch", "fetchpatch2", "fetchsvn", "fetchhg", "fetchCrate",
	"fetchPypi", "fetchurl", "buildGoModule", "buildRustPackage", "buildPythonPackage",
}

// ambiguousBuilders are also builtins (builtins.fetchurl), so a bare,
// unqualified use may be either.
var ambiguousBuilders = []string{"fetchurl"}

// notPackages are attributes of pkgs that are not derivations.
var notPackages = []string{"path", "lib", "config", "system", "stdenv", "buildPlatform", "hostPlatform",
	"targetPlatform", "pkgs", "callPackage", "overlays"}

func runImportFromDerivation(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	for _, c := range nixmatch.CallsOf(pass) {
		target, ok := readerByLast.Get(c.Name.Last())
		if !ok || !c.Name.Refers(target) {
			continue
		}
		// The name is the function of the innermost application of
		// (f a) b, whose own arguments the reader's index counts.
		call, i := c.Innermost(), fileReaders[target]
		if i >= len(call.Args) {
			continue
		}
		if drv := derivationIn(f, call.Args[i], 0); drv != "" {
			reader := target[strings.IndexByte(target, '.')+1:]
			pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.Args[i].End(),
				Message: reader + " of the output of " + drv + " builds it during evaluation (import from derivation): fetch with builtins.fetchTarball/fetchGit or a flake input, or commit the file"})
		}
	}
	return nil, nil
}

// readerByLast maps the last name of each of fileReaders to it, so that
// a call is compared with the one reader it may be.
var readerByLast = func() *nixmatch.NameTable[string] {
	m := map[string]string{}
	for target := range fileReaders {
		m[target[strings.LastIndexByte(target, '.')+1:]] = target
	}
	return nixmatch.NewNameTable(m)
}()

// derivationIn describes the derivation whose output e is a path into
// ("pkgs.fetchFromGitHub", "runCommand (via src)"), or returns "".
func derivationIn(f *nixpass.File, e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	switch v := ast.Unparen(e).(type) {
	case *ast.Ident:
		if val := nixmatch.BoundValue(f.Info, v); val != nil {
			if d := derivationIn(f, val, depth+1); d != "" && !strings.HasSuffix(d, ")") {
				return d + " (bound to " + v.Name + ")"
			} else if d != "" {
				return d // already names the binding nearest the derivation
			}
		}
	case *ast.StringExpr:
		return derivationInParts(f, v.Parts, depth)
	case *ast.PathExpr:
		return derivationInParts(f, v.Parts, depth)
	case *ast.BinaryExpr:
		if v.Op == ast.OpAdd {
			return derivationIn(f, v.X, depth+1)
		}
	case *ast.CallExpr:
		return builderName(f.Info, v.Fun)
	case *ast.SelectExpr:
		if name, _ := nixmatch.QualifiedName(f.Info, v); len(name) >= 2 && name[0] == "pkgs" && !slices.Contains(notPackages, name[1]) {
			return strings.Join(name, ".")
		}
		return derivationIn(f, v.X, depth+1) // (runCommand …).out, src.outPath
	}
	return ""
}

// derivationInParts looks at the start of a string or path: only
// "${drv}/…" points into a derivation's output.
func derivationInParts(f *nixpass.File, parts []ast.StringPart, depth int) string {
	if len(parts) == 0 {
		return ""
	}
	if in, ok := parts[0].(*ast.Interpolation); ok {
		return derivationIn(f, in.X, depth+1)
	}
	return ""
}

// builderName returns the name of fun when it builds a derivation.
func builderName(info *scope.Info, fun ast.Expr) string {
	name, free := nixmatch.QualifiedName(info, fun)
	if len(name) == 0 {
		return ""
	}
	last := name[len(name)-1]
	if !slices.Contains(derivationBuilders, last) || name[0] == "builtins" {
		return ""
	}
	if len(name) == 1 && free && slices.Contains(ambiguousBuilders, last) {
		return ""
	}
	return strings.Join(name, ".")
}
