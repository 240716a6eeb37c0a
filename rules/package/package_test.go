package pkgrules_test

import (
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
	pkgrules "github.com/nixaudit/nixaudit/rules/package"
)

// TestRules runs every rule over its testdata directory, checking the
// "# want" comments, the golden files of fixes and fix idempotency.
func TestRules(t *testing.T) { ruletest.RunTestdata(t, pkgrules.Rules) }

// TestPack checks the docs, order, category and the catalogue's
// severities and fix safety.
func TestPack(t *testing.T) {
	ruletest.CheckPack(t, ruletest.Pack{Category: "package", Rules: pkgrules.Rules, Catalogue: map[string]ruletest.Want{
		"build-tool-in-build-inputs": ruletest.Warning,
		"fake-hash":                  ruletest.Error,
		"flags-not-list":             ruletest.Warning,
		"invalid-hash":               ruletest.Error,
		"missing-license":            ruletest.Warning,
		"missing-meta":               ruletest.Warning,
		"non-sri-hash":               ruletest.WarningSafe,
		"phase-without-hooks":        ruletest.Warning,
		"unpinned-rev":               ruletest.Warning,
	}})
}

// TestNonSRIFixSafety checks that renaming `sha256` is safe only for
// fetchers known to take `hash`.
func TestNonSRIFixSafety(t *testing.T) {
	var got []bool
	for _, res := range analyzertest.Analyze(t, filepath.Join("testdata", "non-sri-hash"), pkgrules.NonSRIHash) {
		for _, f := range res.Findings {
			for _, fix := range f.Diagnostic.SuggestedFixes {
				safe, _ := analyzer.FixIsSafe(pkgrules.NonSRIHash, fix)
				got = append(got, safe)
			}
		}
	}
	want := []bool{true, true, true, true, false, true}
	if len(got) != len(want) {
		t.Fatalf("fix safety %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("fix %d safe = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestPositions(t *testing.T) {
	cases := []struct {
		rule *analyzer.Rule
		file string
		want string
	}{
		{pkgrules.MissingLicense, "missing_license.nix", "" +
			"5:5-5:9: `meta` has no `license`: set `meta.license` (for example `lib.licenses.mit`)\n" +
			"14:5-14:9: `meta` has no `license`: set `meta.license` (for example `lib.licenses.mit`)\n" +
			"21:5-21:9: `meta` has no `license`: set `meta.license` (for example `lib.licenses.mit`)\n"},
		{pkgrules.MissingMeta, "positive.nix", "" +
			"3:11-3:30: package built with `stdenv.mkDerivation` has no `meta`: add a description, license and platforms\n" +
			"11:10-11:23: package built with `buildGoModule` has no `meta`: add a description, license and platforms\n" +
			"17:8-17:42: package built with `python3Packages.buildPythonPackage` has no `meta`: add a description, license and platforms\n" +
			"22:8-22:37: package built with `rustPlatform.buildRustPackage` has no `meta`: add a description, license and platforms\n" +
			"28:11-28:30: package built with `stdenv.mkDerivation` has no `meta`: add a description, license and platforms\n"},
		{pkgrules.InvalidHash, "invalid_hash.nix", "" +
			"5:14-5:67: invalid hash in `sha256`: a sha256 hash has 64 (base16), 52 (Nix base32) or 44 (base64) characters, not 51\n" +
			"9:14-9:68: invalid hash in `sha256`: sha256 hash: decode base32: character 'e' not in Nix alphabet\n" +
			"13:12-13:64: invalid hash in `hash`: a sha256 hash has 64 (base16), 52 (Nix base32) or 44 (base64) characters, not 43\n" +
			"17:12-17:66: invalid hash in `hash`: it names no algorithm: write it in SRI form (\"sha256-…\")\n" +
			"21:14-21:111: invalid hash in `sha256`: it is a sha512 hash where sha256 is expected\n" +
			"25:12-25:63: invalid hash in `hash`: unknown hash algorithm \"sha3\"\n" +
			"29:12-29:73: invalid hash in `hash`: an SRI hash must be base64 (44 characters for sha256)\n" +
			"34:18-34:72: invalid hash in `outputHash`: a sha1 hash has 40 (base16), 32 (Nix base32) or 28 (base64) characters, not 52\n"},
	}
	for _, c := range cases {
		if got := ruletest.FindingsIn(t, c.rule, filepath.Join("testdata", c.rule.Name), c.file); got != c.want {
			t.Errorf("%s on %s:\n got\n%s want\n%s", c.rule.Name, c.file, got, c.want)
		}
	}
}

func TestBrokenInput(t *testing.T) {
	ruletest.SurvivesBrokenInput(t, pkgrules.Rules)
}
