package antipattern_test

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
	"github.com/nixaudit/nixaudit/rules/antipattern"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// TestRules runs every rule over its testdata directory, checking the
// "# want" comments, the golden files of fixes and fix idempotency.
func TestRules(t *testing.T) {
	for _, r := range antipattern.Rules {
		t.Run(r.Name, func(t *testing.T) {
			dir := filepath.Join("testdata", r.Name)
			analyzertest.RunWithSuggestedFixes(t, dir, r)
			if r.Fix != analyzer.FixNone {
				ruletest.FixTwice(t, dir, r)
			}
		})
	}
}

func TestDocs(t *testing.T) {
	for i, r := range antipattern.Rules {
		ruletest.CheckDoc(t, r)
		if r == antipattern.ImpureBuiltin {
			ruletest.CheckExamplesAs(t, r, "flake.nix")
		} else {
			ruletest.CheckExamples(t, r)
		}
		if r.Category != "antipattern" {
			t.Errorf("%s: category %q", r.Name, r.Category)
		}
		if i > 0 && antipattern.Rules[i-1].Name >= r.Name {
			t.Errorf("Rules not sorted: %s before %s", antipattern.Rules[i-1].Name, r.Name)
		}
	}
}

// findings renders the exact findings of r on one testdata file.
func findings(t *testing.T, r *analyzer.Rule, file string) string {
	t.Helper()
	for _, res := range analyzertest.Analyze(t, filepath.Join("testdata", r.Name), r) {
		if res.File != nil && filepath.Base(res.File.Name) == file {
			return analyzertest.Format(res.Findings)
		}
	}
	t.Fatalf("%s: no file %s", r.Name, file)
	return ""
}

func TestPositions(t *testing.T) {
	cases := []struct {
		rule *analyzer.Rule
		file string
		want string
	}{
		{antipattern.MkifTrue, "module.nix", "" +
			"7:27-7:47: `mkIf cfg.enable true` is just the condition: use it directly\n" +
			"8:29-8:66: `mkIf (cfg.enable && cfg.web) true` is just the condition: use it directly\n" +
			"9:27-9:58: `mkIf cfg.cache true` is just the condition: use it directly\n" +
			"14:10-14:30: `mkIf cfg.enable true` is just the condition: use it directly\n"},
		{antipattern.ExcessiveWith, "nested.nix", "" +
			"3:17-3:31: nested `with`: names under both scopes are ambiguous; qualify names or use `inherit (…) name;`\n" +
			"5:33-5:42: nested `with`: names under both scopes are ambiguous; qualify names or use `inherit (…) name;`\n"},
		{antipattern.SelfReference, "loops.nix", "" +
			"3:7-3:8: `a` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `a` was meant)\n" +
			"4:9-4:12: `lib` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `lib` was meant)\n" +
			"6:17-6:19: `xs` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `xs` was meant)\n" +
			"8:7-8:8: `c` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `c` was meant)\n" +
			"9:7-9:8: `b` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `b` was meant)\n" +
			"10:12-10:13: `d` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `d` was meant)\n" +
			"12:10-12:11: `s` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `s` was meant)\n" +
			"14:27-14:30: `arg` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `arg` was meant)\n" +
			"15:22-15:25: `sum` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `sum` was meant)\n" +
			"18:7-18:8: `r` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `r` was meant)\n" +
			"22:13-22:17: `cond` needs its own value here: evaluating it is an infinite recursion (rename the binding if an outer `cond` was meant)\n"},
		{antipattern.ImportFromDerivation, "ifd.nix", "" +
			"9:7-9:34: import of the output of pkgs.fetchFromGitHub (bound to src) builds it during evaluation (import from derivation): fetch with builtins.fetchTarball/fetchGit or a flake input, or commit the file\n"},
	}
	for _, c := range cases {
		got := findings(t, c.rule, c.file)
		if c.rule == antipattern.ImportFromDerivation {
			got = firstLine(got)
		}
		if got != c.want {
			t.Errorf("%s on %s:\ngot:\n%s\nwant:\n%s", c.rule.Name, c.file, got, c.want)
		}
	}
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i+1]
		}
	}
	return s
}

// TestLookupPathSeverity checks that lookup paths outside flakes and
// modules are reported as info, and the others at the rule's warning.
func TestLookupPathSeverity(t *testing.T) {
	want := map[string]bool{"flake.nix": false, "module.nix": false, "shell.nix": true}
	for _, res := range analyzertest.Analyze(t, filepath.Join("testdata", "lookup-path"), antipattern.LookupPath) {
		name := filepath.Base(res.File.Name)
		if len(res.Findings) != 1 {
			t.Fatalf("%s: %d findings, want 1", name, len(res.Findings))
		}
		s, ok := analyzer.DiagnosticSeverity(res.Findings[0].Diagnostic)
		if ok != want[name] || (ok && s != analyzer.SeverityInfo) {
			t.Errorf("%s: severity override %v %v, want info = %v", name, s, ok, want[name])
		}
	}
}

// TestImportsUseConfigSeverity checks that imports depending on pkgs are
// warnings (pkgs may be passed by hand) and on config or options errors
// (the rule's severity, no override).
func TestImportsUseConfigSeverity(t *testing.T) {
	var got []string
	for _, res := range analyzertest.Analyze(t, filepath.Join("testdata", "imports-use-config"), antipattern.ImportsUseConfig) {
		for _, f := range res.Findings {
			s, ok := analyzer.DiagnosticSeverity(f.Diagnostic)
			if !ok {
				s = antipattern.ImportsUseConfig.Severity
			}
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(f.Pos.Filename), f.Pos.Line, s))
		}
	}
	want := []string{
		"bad.nix:10: error", "bad.nix:11: error", "bad.nix:12: warning", "bad.nix:13: error",
		"handcall.nix:7: warning", "handcall.nix:8: error",
		"lazy.nix:11: error", "letflow.nix:5: error", "letflow.nix:7: error",
	}
	if !slices.Equal(got, want) {
		t.Errorf("severities:\n got %q\nwant %q", got, want)
	}
}

func TestBrokenInput(t *testing.T) { ruletest.SurvivesBrokenInput(t, antipattern.Rules) }

// TestGoldenParsesWithNix checks every fixed output with Nix's own parser
// (CI installs Nix; a missing nix-instantiate fails the test).
func TestGoldenParsesWithNix(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join("testdata", "*", "*.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files (%v)", err)
	}
	for _, g := range goldens {
		out, err := exec.Command("nix-instantiate", "--parse", g).CombinedOutput()
		if err != nil {
			t.Errorf("%s: nix-instantiate --parse: %v\n%s", g, err, out)
		}
	}
}

// TestMkifTrueFixIsUnsafe: `mkIf c true` and `c` differ when c is false
// (no definition versus a definition of false), so --fix alone must not
// rewrite it.
func TestMkifTrueFixIsUnsafe(t *testing.T) {
	if antipattern.MkifTrue.Fix != analyzer.FixUnsafe {
		t.Errorf("mkif-true fix safety = %s, want unsafe", antipattern.MkifTrue.Fix)
	}
}
