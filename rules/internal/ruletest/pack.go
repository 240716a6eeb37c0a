package ruletest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
)

// Want is a rule's entry in the catalogue (RULES.md): its severity and
// the safety of its fixes.
type Want struct {
	Severity analyzer.Severity
	Fix      analyzer.FixSafety
}

// The catalogue's usual entries.
var (
	Error         = Want{analyzer.SeverityError, analyzer.FixNone}
	Warning       = Want{analyzer.SeverityWarning, analyzer.FixNone}
	WarningSafe   = Want{analyzer.SeverityWarning, analyzer.FixSafe}
	WarningUnsafe = Want{analyzer.SeverityWarning, analyzer.FixUnsafe}
	Info          = Want{analyzer.SeverityInfo, analyzer.FixNone}
)

// Pack describes a rule category's Rules for CheckPack.
type Pack struct {
	Category string
	Rules    []*analyzer.Rule
	// Catalogue pins each rule's severity and fix safety; the pack must
	// hold exactly its rules.
	Catalogue map[string]Want
	// NoExamples skips running the docs' examples (CheckExamples), for
	// rules that need files other than Nix, such as flake.lock.
	NoExamples bool
}

// CheckPack checks what every category promises of its Rules: sorted by
// name, all in the category, documented (CheckDoc, and CheckExamples
// unless NoExamples), with the catalogue's severities and fix safety.
func CheckPack(t *testing.T, p Pack) {
	t.Helper()
	if len(p.Catalogue) != len(p.Rules) {
		t.Errorf("%d rules, want %d", len(p.Rules), len(p.Catalogue))
	}
	for i, r := range p.Rules {
		CheckDoc(t, r)
		if !p.NoExamples {
			CheckExamples(t, r)
		}
		if r.Category != p.Category {
			t.Errorf("%s: category %q, want %q", r.Name, r.Category, p.Category)
		}
		if i > 0 && p.Rules[i-1].Name >= r.Name {
			t.Errorf("Rules not sorted: %s before %s", p.Rules[i-1].Name, r.Name)
		}
		if w, ok := p.Catalogue[r.Name]; !ok || r.Severity != w.Severity || r.Fix != w.Fix {
			t.Errorf("%s: severity %s fix %s, want %s %s (in catalogue: %v)", r.Name, r.Severity, r.Fix, w.Severity, w.Fix, ok)
		}
	}
}

// RunTestdata runs each rule over its testdata/NAME directory (or each
// of its subdirectories, see CaseDirs), checking the "# want" comments,
// the golden files of fixes (which must re-parse) and, for rules with
// fixes, that fixing twice changes nothing.
func RunTestdata(t *testing.T, rules []*analyzer.Rule) {
	t.Helper()
	for _, r := range rules {
		t.Run(r.Name, func(t *testing.T) {
			for _, dir := range CaseDirs(t, r.Name) {
				analyzertest.RunWithSuggestedFixes(t, dir, r)
				if r.Fix != analyzer.FixNone {
					FixTwice(t, dir, r)
				}
			}
		})
	}
}

// CaseDirs returns testdata/NAME when it holds .nix files, or else its
// subdirectories: project-wide rules need one project per case.
func CaseDirs(t *testing.T, name string) []string {
	t.Helper()
	dir := filepath.Join("testdata", name)
	if nix, _ := filepath.Glob(filepath.Join(dir, "*.nix")); len(nix) > 0 {
		return []string{dir}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(dir, e.Name()))
		}
	}
	if len(dirs) == 0 {
		t.Fatalf("%s: no .nix files and no case directories", dir)
	}
	return dirs
}

// FindingsIn renders ("line:col-endline:endcol: msg" lines) the findings
// of r on the file called base in dir.
func FindingsIn(t *testing.T, r *analyzer.Rule, dir, base string) string {
	t.Helper()
	return analyzertest.Format(FileFindings(t, analyzertest.Analyze(t, dir, r), base))
}

// FileFindings returns the findings on the file called base among res.
func FileFindings(t *testing.T, res []analyzertest.Result, base string) []analyzertest.Finding {
	t.Helper()
	for _, r := range res {
		if r.File != nil && filepath.Base(r.File.Name) == base {
			return r.Findings
		}
	}
	t.Fatalf("no results for %s", base)
	return nil
}

// AnalyzeSource runs r over one file called name holding src (a.nix
// unless the rule looks at file names).
func AnalyzeSource(t *testing.T, r *analyzer.Rule, name, src string) analyzertest.Result {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return analyzertest.Analyze(t, dir, r)[0]
}

// FixSource returns src with the first fix of each of r's findings on it
// applied: for fix layouts that "# want" comments would disturb.
func FixSource(t *testing.T, r *analyzer.Rule, src string) string {
	t.Helper()
	return string(analyzertest.Fix(t, AnalyzeSource(t, r, "a.nix", src)))
}

// SetOption sets the rule option name of r to value for the rest of the
// test, restoring its value when the test ends.
func SetOption(t *testing.T, r *analyzer.Rule, name, value string) {
	t.Helper()
	f := r.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("%s has no option %s", r.Name, name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
}
