// Package ruletest holds the checks every rule package's tests share:
// that a rule's documentation has the sections TEAM.md requires, and that
// its fixes are idempotent (fixing fixed output changes nothing).
package ruletest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
)

// docSections are the sections of a rule's Doc, in order.
var docSections = []string{"## What it does", "## Why is this bad?", "## Example", "## Use instead"}

// nixBlock matches a nix code block of a doc, capturing its code.
var nixBlock = regexp.MustCompile("(?s)```nix\n(.+?)\n```")

// docSection returns the body of a "## title" section of a rule's doc.
func docSection(doc, title string) string {
	_, body, ok := strings.Cut(doc, "\n## "+title+"\n")
	if !ok {
		return ""
	}
	body, _, _ = strings.Cut(body, "\n## ")
	return body
}

// CheckDoc fails unless r's Doc is a one-line summary followed by the
// required sections, Example and Use instead each with a nix code block,
// and "## Fix safety" exactly when the rule has fixes.
func CheckDoc(t testing.TB, r *analyzer.Rule) {
	t.Helper()
	summary, rest, _ := strings.Cut(r.Doc, "\n")
	if summary == "" || strings.HasPrefix(summary, "#") || !strings.HasPrefix(rest, "\n## ") {
		t.Errorf("%s: doc must start with a one-line summary and a blank line", r.Name)
	}
	at := 0
	for _, s := range docSections {
		i := strings.Index(r.Doc[at:], s+"\n")
		if i < 0 {
			t.Errorf("%s: doc lacks %q (in order)", r.Name, s)
			return
		}
		at += i
	}
	for _, s := range []string{"Example", "Use instead"} {
		if !nixBlock.MatchString(docSection(r.Doc, s)) {
			t.Errorf("%s: %q has no ```nix block", r.Name, "## "+s)
		}
	}
	if hasFix := strings.Contains(r.Doc, "## Fix safety\n"); hasFix != (r.Fix != analyzer.FixNone) {
		t.Errorf("%s: \"## Fix safety\" present = %v, rule fix = %s", r.Name, hasFix, r.Fix)
	}
}

// FixTwice checks, for every NAME.nix.golden in dir, that running r over
// the fixed text and applying its fixes again leaves it unchanged.
func FixTwice(t testing.TB, dir string, r *analyzer.Rule) {
	t.Helper()
	goldens, err := filepath.Glob(filepath.Join(dir, "*.nix.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if len(goldens) == 0 {
		t.Fatalf("%s: no golden files", dir)
	}
	for _, g := range goldens {
		want, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		tmp := t.TempDir()
		// Keep the base name: some rules depend on it (flake.nix).
		if err := os.WriteFile(filepath.Join(tmp, strings.TrimSuffix(filepath.Base(g), ".golden")), want, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, res := range analyzertest.Analyze(t, tmp, r) {
			if got := analyzertest.Fix(t, res); string(got) != string(want) {
				t.Errorf("%s: fixing the fixed output changed it:\n%s", g, got)
			}
		}
	}
}
