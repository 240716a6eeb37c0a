package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// MissingLicense flags package metadata without a license.
var MissingLicense = pack.WithDoc("missing-license", analyzer.SeverityWarning, analyzer.FixNone, runMissingLicense,
	nixmatch.RuleDoc("A package's `meta` has no `license`",
		"Flags a `meta = { … };` set written in a package builder call (`stdenv.mkDerivation`, "+
			"`buildGoModule`, …) that does not define `license`. A `meta` computed from elsewhere "+
			"(`meta = old.meta // { … }`, `inherit (src) meta;`) is not flagged: its license may come from there; "+
			"neither are helper derivations inside NixOS and home-manager modules.",
		"nixpkgs' license checks (`allowUnfree`, `allowlistedLicenses`, `blocklistedLicenses`) treat a "+
			"package without a license as free, so unfree software slips past the policy, and users cannot "+
			"tell under which terms they may redistribute the build.",
		`{ lib, stdenv }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  meta = {
    description = "A tool";
  };
}`,
		`{ lib, stdenv }:
stdenv.mkDerivation {
  pname = "tool";
  version = "1.0";
  src = ./.;
  meta = {
    description = "A tool";
    license = lib.licenses.mit;
  };
}`, ""))

func runMissingLicense(pass *analysis.Pass) (any, error) {
	for _, d := range packages(pass) {
		if meta, ok := metaWithoutLicense(d.Set); ok {
			pass.Report(analysis.Diagnostic{
				Pos: meta.Pos(), End: meta.End(),
				Message: "`meta` has no `license`: set `meta.license` (for example `lib.licenses.mit`)",
			})
		}
	}
	return nil, nil
}

// metaWithoutLicense returns the key of the first meta binding of a
// package set when the package's metadata is fully written there (as
// `meta = { … };`, `meta = with lib; { … };` or `meta.x = …;` bindings)
// and defines no license.
func metaWithoutLicense(set *ast.AttrSetExpr) (key ast.Node, ok bool) {
	for _, b := range set.Bindings {
		if in, isInherit := b.(*ast.Inherit); isInherit {
			for _, k := range in.Names {
				if n, _ := ast.KeyName(k); n == "meta" {
					return nil, false // inherit (…) meta;
				}
			}
			continue
		}
		d := b.(*ast.AttrDef)
		names, static := d.Path.PathNames()
		if !static || names[0] != "meta" {
			continue
		}
		if key == nil {
			key = d.Path.Keys[0]
		}
		if len(names) > 1 {
			if names[1] == "license" {
				return nil, false
			}
			continue
		}
		value := nixmatch.SetArg(d.Value)
		if _, isFunc := ast.Unparen(d.Value).(*ast.LambdaExpr); value == nil || isFunc || nixmatch.HasAttr(value, "license") {
			return nil, false
		}
	}
	return key, key != nil
}
