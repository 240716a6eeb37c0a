package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// FakeHash flags placeholder hashes left in fetchers and builders.
var FakeHash = pack.WithDoc("fake-hash", analyzer.SeverityError, analyzer.FixNone, runFakeHash,
	nixmatch.RuleDoc("A placeholder hash is left in",
		"Flags hash attributes of fetchers and builders (`hash`, `sha256`, `vendorHash`, "+
			"`cargoHash`, `outputHash`, …) set to `lib.fakeHash`, `lib.fakeSha256` or "+
			"`lib.fakeSha512` (in any spelling, also through a let binding), to an empty string "+
			"or to a digest of zeros (`\"sha256-AAAA…=\"`, `\"0000…\"`). Placeholders passed to "+
			"`lib.convertHash` are tools, not leftovers, and are not flagged.",
		"A placeholder is how one asks Nix for the real hash: the build fails with a hash "+
			"mismatch every time until the real hash replaces it, so a placeholder that is "+
			"committed means a package that cannot build.",
		`{ lib, fetchFromGitHub }:
fetchFromGitHub {
  owner = "NixOS";
  repo = "nix";
  rev = "2.24.10";
  hash = lib.fakeHash;
}`,
		`{ lib, fetchFromGitHub }:
fetchFromGitHub {
  owner = "NixOS";
  repo = "nix";
  rev = "2.24.10";
  hash = "sha256-XG9OSiNjbOXTmFLAGsWvxOcyZrR80CY/qfahPQjoyw8=";
}`, ""))

var fakeHashFuncs = []string{"lib.fakeHash", "lib.fakeSha256", "lib.fakeSha512"}

func runFakeHash(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, h := range hashLiterals(pass) {
		parsed, _ := parseHash(h.Value, h.Algo, true)
		if isFake(h.Value, parsed) {
			pass.Report(analysis.Diagnostic{
				Pos: h.Lit.Pos(), End: h.Lit.End(),
				Message: "placeholder hash in `" + h.Name + "`: build once and put the hash Nix reports here",
			})
		}
	}
	reported := map[ast.Expr]bool{}
	// Only fetcher and builder arguments: lib.convertHash { hash = lib.fakeHash; … }
	// converts a placeholder, it does not leave one in.
	for _, b := range hashBindings(pass) {
		v := nixmatch.Resolve(f.Info, b.Def.Value) // through `h = lib.fakeHash;`
		if reported[v] || !nixmatch.RefersAny(f.Info, v, fakeHashFuncs...) {
			continue
		}
		reported[v] = true
		pass.Report(analysis.Diagnostic{
			Pos: v.Pos(), End: v.End(),
			Message: "`" + f.Text(v) + "` is a placeholder: build once and put the hash Nix reports here",
		})
	}
	return nil, nil
}
