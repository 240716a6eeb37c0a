package ruletest

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
)

// recorder is a testing.TB that keeps the errors it is given.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

const goodDoc = "summary\n\n## What it does\nx\n\n## Why is this bad?\ny\n\n## Example\n```nix\na\n```\n\n## Use instead\n```nix\nb\n```"

func TestCheckDoc(t *testing.T) {
	cases := []struct {
		doc  string
		fix  analyzer.FixSafety
		want string // substring of the first error, "" for none
	}{
		{goodDoc, analyzer.FixNone, ""},
		{goodDoc + "\n\n## Fix safety\nsafe", analyzer.FixSafe, ""},
		{goodDoc, analyzer.FixSafe, "Fix safety"},
		{strings.Replace(goodDoc, "## Why is this bad?\n", "", 1), analyzer.FixNone, "Why is this bad?"},
		{strings.Replace(goodDoc, "```nix\nb\n```", "b", 1), analyzer.FixNone, "Use instead"},
		{"## What it does\n" + goodDoc, analyzer.FixNone, "one-line summary"},
	}
	for i, c := range cases {
		r := &analyzer.Rule{Analyzer: &analysis.Analyzer{Name: "x", Doc: c.doc}, Fix: c.fix}
		rec := &recorder{TB: t}
		CheckDoc(rec, r)
		switch {
		case c.want == "" && len(rec.errors) > 0:
			t.Errorf("case %d: unexpected errors %q", i, rec.errors)
		case c.want != "" && (len(rec.errors) == 0 || !strings.Contains(rec.errors[0], c.want)):
			t.Errorf("case %d: errors %q, want one about %q", i, rec.errors, c.want)
		}
	}
}
