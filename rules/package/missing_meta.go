package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// MissingMeta flags packages built without a meta attribute.
var MissingMeta = pack.WithDoc("missing-meta", analyzer.SeverityWarning, analyzer.FixNone, runMissingMeta,
	nixmatch.RuleDoc("A package is built without `meta`",
		"Flags calls of package builders (`stdenv.mkDerivation`, `buildGoModule`, "+
			"`buildPythonPackage`, `rustPlatform.buildRustPackage`, …) whose attribute set has no `meta`. "+
			"Derivations built inside NixOS and home-manager modules (helpers such as generated "+
			"configuration files) are not packages anyone installs or searches for, and are not flagged.",
		"Without `meta` the package has no description, license, homepage, maintainers or "+
			"platforms: `nix search` shows nothing, license policies (`allowUnfree`) cannot "+
			"judge it and Hydra builds it for platforms it does not support.",
		`{ lib, stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "hello";
  version = "2.12.1";
  src = fetchurl {
    url = "mirror://gnu/hello/hello-2.12.1.tar.gz";
    hash = "sha256-jZkUKv2SV28wsM18tCqNxoCZmLxdYH2Idh9RLibH2yA=";
  };
}`,
		`{ lib, stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "hello";
  version = "2.12.1";
  src = fetchurl {
    url = "mirror://gnu/hello/hello-2.12.1.tar.gz";
    hash = "sha256-jZkUKv2SV28wsM18tCqNxoCZmLxdYH2Idh9RLibH2yA=";
  };
  meta = {
    description = "Program that produces a familiar, friendly greeting";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.all;
  };
}`, ""))

func runMissingMeta(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, d := range packages(pass) {
		if nixmatch.HasAttr(d.Set, "meta") {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos: d.Fun.Pos(), End: d.Fun.End(),
			Message: "package built with `" + funName(f, d.Fun) + "` has no `meta`: add a description, license and platforms",
		})
	}
	return nil, nil
}
