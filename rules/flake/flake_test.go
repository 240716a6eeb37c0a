package flake_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
	"github.com/nixaudit/nixaudit/rules/flake"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// now is the fixed clock of these tests.
var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	flake.Now = func() time.Time { return now }
	m.Run()
}

// findings runs r over the flake in testdata/dir and renders its findings
// as "file: line:col-line:col: message" lines.
func findings(t *testing.T, r *analyzer.Rule, dir string) string {
	t.Helper()
	var b strings.Builder
	for _, res := range analyzertest.Analyze(t, filepath.Join("testdata", dir), r) {
		for _, line := range strings.SplitAfter(analyzertest.Format(res.Findings), "\n") {
			if line != "" {
				b.WriteString(filepath.Base(res.Findings[0].Pos.Filename) + ": " + line)
			}
		}
	}
	return b.String()
}

func TestRules(t *testing.T) {
	cases := []struct {
		rule *analyzer.Rule
		dir  string
		want string
	}{
		{flake.LockMissing, "nolock", "flake.nix: 3:3-3:9: flake.nix has no flake.lock: run `nix flake lock` and commit it\n"},
		{flake.LockMissing, "noinputs", "flake.nix: 2:3-2:10: flake.nix has no flake.lock: run `nix flake lock` and commit it\n"},
		{flake.LockMissing, "selfonly", ""},
		{flake.LockMissing, "badjson", "flake.lock: 6:1-6:1: flake.lock cannot be read: invalid character '}' looking for beginning of object key string\n"},
		{flake.LockMissing, "emptylock", "flake.lock: 1:1-1:1: flake.lock cannot be read: unexpected end of JSON input\n"},
		{flake.LockMissing, "good", ""},
		{flake.LockMissing, "templates/nixos", ""},
		{flake.LockMissing, "bad", ""},

		{flake.LockOutdated, "bad", "" +
			"flake.lock: 5:25-5:35: nixpkgs input \"fork\" is locked to a commit from 2025-11-13, 377 days ago (limit 30): run `nix flake update fork`\n" +
			"flake.lock: 38:25-38:35: nixpkgs input \"nixpkgs\" is locked to a commit from 2024-06-21, 886 days ago (limit 30): run `nix flake update nixpkgs`\n"},
		{flake.LockOutdated, "good", ""},
		{flake.LockOutdated, "tarball", ""},

		{flake.LockUnsupportedBranch, "bad", "" +
			"flake.lock: 14:17-14:26: nixpkgs input \"fork\": `master` is not a channel: its commits have not passed Hydra's tests; use nixos-unstable or a release channel\n" +
			"flake.lock: 47:16-47:29: nixpkgs input \"nixpkgs\": nixos-24.05 reached end of life on 2024-12-31: move to a supported release\n"},
		{flake.LockUnsupportedBranch, "tarball", "flake.lock: 22:16-22:72: nixpkgs input \"nixpkgs\": nixos-23.11 reached end of life on 2024-06-30: move to a supported release\n"},
		{flake.LockUnsupportedBranch, "good", ""},

		{flake.LockNonNixOSOwner, "bad", "flake.lock: 7:18-7:27: nixpkgs input \"fork\" is locked from github:someone/nixpkgs, not from NixOS: use github:NixOS/nixpkgs\n"},
		{flake.LockNonNixOSOwner, "tarball", "flake.lock: 7:16-7:68: nixpkgs input \"mirror\" is locked from https://mirror.example.org/nixpkgs/nixexprs.tar.xz, not from NixOS: use github:NixOS/nixpkgs\n"},
		{flake.LockNonNixOSOwner, "good", ""},

		{flake.LockDuplicateInputs, "bad", "" +
			"flake.lock: 52:5-52:16: \"nixpkgs_2\" duplicates the root input \"nixpkgs\" (through home-manager/nixpkgs): add `inputs.home-manager.inputs.nixpkgs.follows = \"nixpkgs\";` to flake.nix\n" +
			"flake.lock: 68:5-68:16: \"nixpkgs_3\" duplicates the root input \"nixpkgs\" (through sops/nixpkgs): add `inputs.sops.inputs.nixpkgs.follows = \"nixpkgs\";` to flake.nix\n"},
		{flake.LockDuplicateInputs, "good", ""},
		{flake.LockDuplicateInputs, "tarball", ""},

		{flake.FlakeInputUnpinned, "bad", "flake.lock: 114:5-114:11: input \"tool\" (github) is locked without a `rev`: relock it with `nix flake update tool`\n"},
		{flake.FlakeInputUnpinned, "good", ""},
		{flake.FlakeInputUnpinned, "tarball", ""},
	}
	for _, c := range cases {
		if got := findings(t, c.rule, c.dir); got != c.want {
			t.Errorf("%s on %s:\n got\n%s want\n%s", c.rule.Name, c.dir, got, c.want)
		}
	}
}

// TestMaxAgeDays checks the rule option and the clock: the good lock's
// nixpkgs (2026-11-21) is 4 days old at the test clock.
func TestMaxAgeDays(t *testing.T) {
	ruletest.SetOption(t, flake.LockOutdated, "max-age-days", "3")
	want := "flake.lock: 26:25-26:35: nixpkgs input \"nixpkgs\" is locked to a commit from 2026-11-21, 4 days ago (limit 3): run `nix flake update nixpkgs`\n"
	if got := findings(t, flake.LockOutdated, "good"); got != want {
		t.Errorf("got\n%s want\n%s", got, want)
	}
}

// TestEndOfLifeClock checks that support ends with the release's last day.
func TestEndOfLifeClock(t *testing.T) {
	defer func() { flake.Now = func() time.Time { return now } }()
	flake.Now = func() time.Time { return time.Date(2024, 12, 31, 23, 0, 0, 0, time.UTC) }
	got := findings(t, flake.LockUnsupportedBranch, "bad")
	if strings.Contains(got, "nixos-24.05") {
		t.Errorf("nixos-24.05 flagged on its last supported day:\n%s", got)
	}
	flake.Now = func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }
	if got := findings(t, flake.LockUnsupportedBranch, "bad"); !strings.Contains(got, "nixos-24.05 reached end of life") {
		t.Errorf("nixos-24.05 not flagged after its end of life:\n%s", got)
	}
}

// TestPack checks the docs, order, category and the catalogue's
// severities and fix safety. The docs' examples need a flake.lock beside
// them, which CheckExamples does not write.
func TestPack(t *testing.T) {
	ruletest.CheckPack(t, ruletest.Pack{Category: "flake", Rules: flake.Rules, NoExamples: true, Catalogue: map[string]ruletest.Want{
		"flake-input-unpinned":    ruletest.Warning,
		"lock-duplicate-inputs":   ruletest.Warning,
		"lock-missing":            ruletest.Warning,
		"lock-non-nixos-owner":    ruletest.Warning,
		"lock-outdated":           ruletest.Warning,
		"lock-unsupported-branch": ruletest.Warning,
	}})
}

func TestBrokenInput(t *testing.T) {
	ruletest.SurvivesBrokenInput(t, flake.Rules)
}
