package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// FlagsNotList flags build flags written as one string.
var FlagsNotList = pack.WithDoc("flags-not-list", analyzer.SeverityWarning, analyzer.FixNone, runFlagsNotList,
	nixmatch.RuleDoc("Build flags are written as a string instead of a list",
		"Flags `configureFlags`, `cmakeFlags`, `mesonFlags`, `makeFlags`, `buildFlags`, "+
			"`installFlags`, `checkFlags`, `ninjaFlags` and `ldflags` set to a string in a "+
			"package builder call.",
		"stdenv splits a string of flags on whitespace, so a flag whose value contains a space "+
			"cannot be written, and with `__structuredAttrs` a string is no longer accepted at "+
			"all; overrides also cannot append to a string with `++`.",
		`{ stdenv }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  configureFlags = "--enable-foo --with-bar=baz";
}`,
		`{ stdenv }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  configureFlags = [ "--enable-foo" "--with-bar=baz" ];
}`, ""))

// listFlags are the builder attributes that take a list of flags.
var listFlags = map[string]bool{
	"configureFlags": true, "cmakeFlags": true, "mesonFlags": true, "makeFlags": true,
	"buildFlags": true, "installFlags": true, "checkFlags": true, "ninjaFlags": true, "ldflags": true,
}

func runFlagsNotList(pass *analysis.Pass) (any, error) {
	for _, d := range derivations(pass) {
		for _, b := range d.Set.Bindings {
			def, name, ok := oneKeyDef(b)
			if !ok || !listFlags[name] {
				continue
			}
			s, ok := ast.Unparen(def.Value).(*ast.StringExpr)
			if !ok {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos: s.Pos(), End: s.End(),
				Message: "`" + name + "` is a string: write a list with one flag per element",
			})
		}
	}
	return nil, nil
}
