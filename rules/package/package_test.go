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
func TestRules(t *testing.T) {
	for _, r := range pkgrules.Rules {
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
	for i, r := range pkgrules.Rules {
		ruletest.CheckDoc(t, r)
		if r.Category != "package" {
			t.Errorf("%s: category %q", r.Name, r.Category)
		}
		if i > 0 && pkgrules.Rules[i-1].Name >= r.Name {
			t.Errorf("Rules not sorted: %s before %s", pkgrules.Rules[i-1].Name, r.Name)
		}
	}
}

// TestSeverities pins the catalogue's severities and fix safety.
func TestSeverities(t *testing.T) {
	want := map[string]struct {
		sev analyzer.Severity
		fix analyzer.FixSafety
	}{
		"build-tool-in-build-inputs": {analyzer.SeverityWarning, analyzer.FixNone},
		"fake-hash":                  {analyzer.SeverityError, analyzer.FixNone},
		"flags-not-list":             {analyzer.SeverityWarning, analyzer.FixNone},
		"invalid-hash":               {analyzer.SeverityError, analyzer.FixNone},
		"missing-license":            {analyzer.SeverityWarning, analyzer.FixNone},
		"missing-meta":               {analyzer.SeverityWarning, analyzer.FixNone},
		"non-sri-hash":               {analyzer.SeverityWarning, analyzer.FixSafe},
		"phase-without-hooks":        {analyzer.SeverityWarning, analyzer.FixNone},
		"unpinned-rev":               {analyzer.SeverityWarning, analyzer.FixNone},
	}
	if len(want) != len(pkgrules.Rules) {
		t.Errorf("%d rules, want %d", len(pkgrules.Rules), len(want))
	}
	for _, r := range pkgrules.Rules {
		if w := want[r.Name]; r.Severity != w.sev || r.Fix != w.fix {
			t.Errorf("%s: severity %s fix %s, want %s %s", r.Name, r.Severity, r.Fix, w.sev, w.fix)
		}
	}
}

// TestNonSRIFixSafety checks that renaming `sha256` is safe only for
// fetchers known to take `hash`.
func TestNonSRIFixSafety(t *testing.T) {
	res := analyzertest.Analyze(t, filepath.Join("testdata", "non-sri-hash"), pkgrules.NonSRIHash)
	var got []bool
	for _, f := range res[0].Findings {
		for _, fix := range f.Diagnostic.SuggestedFixes {
			safe, _ := analyzer.FixIsSafe(pkgrules.NonSRIHash, fix)
			got = append(got, safe)
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
	res := analyzertest.Analyze(t, filepath.Join("testdata", "missing-license"), pkgrules.MissingLicense)
	want := "5:5-5:9: `meta` has no `license`: set `meta.license` (for example `lib.licenses.mit`)\n" +
		"14:5-14:9: `meta` has no `license`: set `meta.license` (for example `lib.licenses.mit`)\n" +
		"21:5-21:9: `meta` has no `license`: set `meta.license` (for example `lib.licenses.mit`)\n"
	if got := analyzertest.Format(res[0].Findings); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	res = analyzertest.Analyze(t, filepath.Join("testdata", "missing-meta"), pkgrules.MissingMeta)
	if got, want := analyzertest.Format(res[1].Findings[:1]), "3:11-3:30: package built with `stdenv.mkDerivation` has no `meta`: add a description, license and platforms\n"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}
