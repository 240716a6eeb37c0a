package deadcode

import (
	"fmt"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// TestRules runs every rule over its testdata: the "# want" comments,
// the golden files of the fixes (which must re-parse) and fixing twice.
func TestRules(t *testing.T) { ruletest.RunTestdata(t, Rules) }

// TestPack checks the docs and their examples, order, category and the
// catalogue's severities and fix safety.
func TestPack(t *testing.T) {
	ruletest.CheckPack(t, ruletest.Pack{Category: "deadcode", Rules: Rules, Catalogue: map[string]ruletest.Want{
		"unneeded-rec":           ruletest.WarningSafe,
		"unused-at-binding":      ruletest.WarningSafe,
		"unused-formal":          ruletest.WarningSafe,
		"unused-lambda-argument": ruletest.WarningUnsafe,
		"unused-let-binding":     ruletest.WarningSafe,
		"unused-with":            ruletest.WarningSafe,
	}})
}

// TestExactPositions pins the ranges: exactly the unused name.
func TestExactPositions(t *testing.T) {
	res := analyzertest.Analyze(t, "testdata/unused-let-binding", UnusedLetBinding)
	got := analyzertest.Format(ruletest.FileFindings(t, res, "inherit.nix"))
	want := "3:22-3:29: let binding mkMerge is never used\n" +
		"4:25-4:38: let binding concatStrings is never used\n" +
		"5:3-5:9: let binding source is only used by unused bindings\n" +
		"6:20-6:23: let binding git is never used\n" +
		"12:11-12:16: let binding extra is never used\n"
	if got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
}

// TestTopLevelFormalsAreInfo checks the severity of formals of the
// file's top-level function (packages and modules) and of inner ones.
func TestTopLevelFormalsAreInfo(t *testing.T) {
	res := analyzertest.Analyze(t, "testdata/unused-formal", UnusedFormal)
	for _, r := range res {
		for _, f := range r.Findings {
			sev, marked := analyzer.DiagnosticSeverity(f.Diagnostic)
			top := strings.Contains(f.Message, "top-level")
			if top != (marked && sev == analyzer.SeverityInfo) {
				t.Errorf("%s: %s: severity marked=%v %s", f.Pos, f.Message, marked, sev)
			}
		}
	}
}

// TestFixSafety checks that removing a formal is safe only when the
// pattern has "...", and, without, offered for the file's function and
// for formals with a default that no call in the file passes.
func TestFixSafety(t *testing.T) {
	res := analyzertest.Analyze(t, "testdata/unused-formal", UnusedFormal)
	got := map[string]string{}
	for _, f := range ruletest.FileFindings(t, res, "package.nix") {
		key := fmt.Sprintf("%d: %s", f.Pos.Line, f.Message)
		got[key] = "no fix"
		if len(f.Diagnostic.SuggestedFixes) > 0 {
			safe, _ := analyzer.FixIsSafe(UnusedFormal, f.Diagnostic.SuggestedFixes[0])
			got[key] = map[bool]string{true: "safe", false: "unsafe"}[safe]
		}
	}
	for key, want := range map[string]string{
		"3: formal fetchurl is never used (in the file's top-level function)": "unsafe", // callPackage's
		"6: formal b is never used":                    "safe",   // { a, b, ... }
		"7: formal a is never used":                    "no fix", // { a, b }: every caller passes a
		"8: formal config is never used":               "safe",
		"11: formal a is never used":                   "safe", // args@{ a, ... }
		"13: formal d is only used by unused bindings": "no fix",
		"14: formal p is never used":                   "no fix",
		"15: formal extra is never used":               "no fix", // passed { …; extra = 1; }
		"17: formal extra is never used":               "unsafe", // extra ? null, not passed here
		"18: formal p is never used":                   "no fix",
		"18: formal q is never used":                   "unsafe",
	} {
		if g, ok := got[key]; !ok || g != want {
			t.Errorf("%q: %s (found %v), want %s", key, g, ok, want)
		}
	}
}

func TestOptions(t *testing.T) {
	for _, tc := range []struct {
		rule        *analyzer.Rule
		option, val string
		src, want   string
	}{
		{UnusedLetBinding, "no-underscore", "false", "let _a = 1; in 2\n", "1:5-1:7: let binding _a is never used\n"},
		{UnusedLambdaArgument, "no-underscore", "false", "_x: 1\n", "1:1-1:3: lambda argument _x is never used\n"},
		{UnusedLambdaArgument, "no-lambda-arg", "true", "x: 1\n", ""},
		{UnusedAtBinding, "no-lambda-arg", "true", "a@{ b }: b\n", ""},
		{UnusedFormal, "no-lambda-pattern-names", "true", "{ a }: { b }: 1\n", ""},
		{UnusedFormal, "skip-top-level", "true", "{ a, ... }: { b }: { c }: c\n", ""},
		{UnusedFormal, "skip-top-level", "true", "{ a }: [ ({ b }: a) ]\n", "1:13-1:14: formal b is never used\n"},
	} {
		t.Run(tc.rule.Name+"/"+tc.option, func(t *testing.T) {
			ruletest.SetOption(t, tc.rule, tc.option, tc.val)
			if got := analyzertest.Format(ruletest.AnalyzeSource(t, tc.rule, "a.nix", tc.src).Findings); got != tc.want {
				t.Errorf("%q: got\n%s\nwant\n%s", tc.src, got, tc.want)
			}
		})
	}
}

// TestFixLayout checks how fixes leave the surrounding text in layouts
// that "# want" comments would disturb.
func TestFixLayout(t *testing.T) {
	for _, tc := range []struct {
		rule      *analyzer.Rule
		src, want string
	}{
		{UnusedFormal, "{ lib\n, stdenv\n, fetchurl\n}:\nlib\n", "{ lib\n}:\nlib\n"},
		{UnusedFormal, "{ lib\n, stdenv\n, fetchurl\n, ...\n}:\nstdenv\n", "{ stdenv\n, ...\n}:\nstdenv\n"},
		{UnusedFormal, "{\n  lib,\n  stdenv,\n  ...\n}:\nlib\n", "{\n  lib,\n  ...\n}:\nlib\n"},
		{UnusedFormal, "{\n  lib,\n  stdenv\n}:\nlib\n", "{\n  lib\n}:\nlib\n"},
		{UnusedFormal, "{ a, b, c }: b\n", "{ b }: b\n"},
		{UnusedFormal, "{ a ? 1, b }: b\n", "{ b }: b\n"},
		{UnusedLetBinding, "let\n  a = 1;\n\n  # about b\n  b = 2;\nin\nb\n", "let\n\n  # about b\n  b = 2;\nin\nb\n"},
		{UnusedLetBinding, "let a = 1; b = 2; in b\n", "let b = 2; in b\n"},
		{UnusedLetBinding, "let inherit (x) a b c; in b\n", "let inherit (x) b; in b\n"},
		// The comment ending a binding's own line goes with it; others stay.
		{UnusedLetBinding, "let\n  a = 1; # note\nin\n2\n", "let\nin\n2\n"},
		{UnusedLetBinding, "let\n  # about a\n  a = 1; # trailing a\n  b = /* inline */ 2;\nin\nb\n", "let\n  # about a\n  b = /* inline */ 2;\nin\nb\n"},
		{UnusedLetBinding, "let\n  b = 2; a = 1; # about both\nin\nb\n", "let\n  b = 2; # about both\nin\nb\n"},
		{UnusedLetBinding, "let\n  a = 1; b = 2; # about both\nin\nb\n", "let\n  b = 2; # about both\nin\nb\n"},
		{UnusedLetBinding, "let\n  a = {\n    x = 1;\n  }; # about a\nin\n2\n", "let\nin\n2\n"},
		{UnusedLetBinding, "let\n  a = 1; /* about\n  b */ b = 2;\nin\nb\n", "let\n  /* about\n  b */ b = 2;\nin\nb\n"},
		{UnusedAtBinding, "{ a, ... } @ args: a\n", "{ a, ... }: a\n"},
		{UnusedWith, "with lib;\n[ 1 ]\n", "[ 1 ]\n"},
		{UnneededRec, "rec{ a = 1; }\n", "{ a = 1; }\n"},
	} {
		if got := ruletest.FixSource(t, tc.rule, tc.src); got != tc.want {
			t.Errorf("%s: fix of %q = %q, want %q", tc.rule.Name, tc.src, got, tc.want)
		}
	}
}

func TestSurvivesBrokenInput(t *testing.T) { ruletest.SurvivesBrokenInput(t, Rules) }

// TestFlakeOutputs checks the formals of a flake's outputs function,
// which Nix calls with self and every input: without `...` none can go;
// with it, unused inputs are reported but self never is.
func TestFlakeOutputs(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{\n  outputs = { self, nixpkgs, utils }: { };\n}\n", ""},
		{"({ outputs = ({ self, nixpkgs }: { }); })\n", ""},
		{"{ outputs = { self, nixpkgs, ... }: { }; }\n", "1:21-1:28: formal nixpkgs is never used\n"},
		{"{ outputs = inputs@{ self, nixpkgs, ... }: inputs; }\n", ""},
		{"{ outputs = { self, nixpkgs }: { f = { self, x }: x; }; }\n", "1:40-1:44: formal self is never used\n"},
		{"{ outputs.x = { self, nixpkgs }: nixpkgs; }\n", "1:17-1:21: formal self is never used\n"},
	} {
		if got := analyzertest.Format(ruletest.AnalyzeSource(t, UnusedFormal, "flake.nix", tc.src).Findings); got != tc.want {
			t.Errorf("%q: got\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
}
