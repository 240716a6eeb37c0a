package main

import (
	"path/filepath"
	"testing"
)

// The update flows run against real Nix and git in ops/update; these
// tests check the command line: flags, usage errors and exit codes.

func TestUpdateUsageErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "flake.nix"), "{ outputs = { self }: { }; }\n")
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"update", "flake", "--skip-audit"},
			"nixaudit: --skip-audit needs --reason \"…\" saying why the audit is skipped\n"},
		{[]string{"update", "flake", "--reason", "why"},
			"nixaudit: --reason is only used with --skip-audit\n"},
		{[]string{"update", "flake", "--format", "yaml"},
			"nixaudit: invalid argument \"yaml\" for \"--format\" flag: want one of text, json, markdown\n"},
		{[]string{"update", "flake", "--dry-run", "--pr"},
			"nixaudit: --dry-run changes nothing, so it cannot be combined with --commit or --pr\n"},
		{[]string{"update", "package", "hello"},
			"nixaudit: give the new version with exactly one of --version or --version-from\n"},
		{[]string{"update", "package", "hello", "--version", "2", "--version-from", "github:a/b"},
			"nixaudit: give the new version with exactly one of --version or --version-from\n"},
		{[]string{"update", "flake", "-C", "nowhere"},
			"nixaudit: nowhere: no flake.nix\n"},
		{[]string{"update"},
			"nixaudit: update: name what to update: flake or package (see nixaudit update --help)\n"},
		{[]string{"update", "bogus"},
			"nixaudit: update: unknown command \"bogus\" (want flake or package)\n"},
	} {
		r := nixaudit(t, dir, "", tc.args...)
		expect(t, r, exitUsage, "", tc.stderr)
	}
}

func TestUpdateRefusedByGate(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "flake.nix"), "{ outputs = { self }: { }; }\n")
	writeFile(t, filepath.Join(dir, "broken.nix"), "{ a = ; }\n")
	writeFile(t, filepath.Join(dir, "flake.lock"), "not touched\n")
	r := nixaudit(t, dir, "", "update", "flake", "--commit")
	expect(t, r, exitGate, "", "nixaudit: refused: the audit found 1 blocking finding at or above fail-on = error:\n"+
		"  broken.nix:1:7: error[syntax-error] syntax error, unexpected ';'\n"+
		"Nothing was changed. Fix the findings, or override with --skip-audit --reason \"…\".\n")
	if got := readFile(t, filepath.Join(dir, "flake.lock")); got != "not touched\n" {
		t.Errorf("flake.lock = %q", got)
	}
}
