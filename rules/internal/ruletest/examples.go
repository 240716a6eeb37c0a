package ruletest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
)

// CheckExamples runs r over the nix blocks of its doc: the "Example" must
// be flagged, and "Use instead" must not be, so the documentation cannot
// drift from what the rule does. Rules whose examples need files other
// than Nix (flake.lock) cannot be checked this way.
func CheckExamples(t *testing.T, r *analyzer.Rule) {
	t.Helper()
	CheckExamplesAs(t, r, "example.nix")
}

// CheckExamplesAs is CheckExamples with the examples written to a file
// called name, for rules that look at file names (flake.nix).
func CheckExamplesAs(t *testing.T, r *analyzer.Rule, name string) {
	t.Helper()
	for _, c := range []struct {
		section string
		flagged bool
	}{{"Example", true}, {"Use instead", false}} {
		m := nixBlock.FindStringSubmatch(docSection(r.Doc, c.section))
		if m == nil {
			t.Errorf("%s: no nix block in %q", r.Name, c.section)
			continue
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(m[1]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, res := range analyzertest.Analyze(t, dir, r) {
			n += len(res.Findings)
		}
		if (n > 0) != c.flagged {
			t.Errorf("%s: %q block has %d findings, want flagged = %v", r.Name, c.section, n, c.flagged)
		}
	}
}
