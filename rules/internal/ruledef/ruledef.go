// Package ruledef builds the rules of a category whose documentation is
// kept as Markdown files (doc/NAME.md, embedded in the category's
// package) rather than as Go string literals, so that each rule file holds
// only its logic.
package ruledef

import (
	"io/fs"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// Pack is one rule category: its name and its embedded doc/*.md files.
type Pack struct {
	Category string
	Docs     fs.FS
}

// Rule returns the per-file rule name of the pack, documented by
// doc/NAME.md and run over each file with nixpass's file and inspector.
// A missing doc panics: it is a build mistake, which every test of the
// package catches at initialisation.
func (p Pack) Rule(name string, severity analyzer.Severity, fix analyzer.FixSafety, run func(*analysis.Pass) (any, error)) *analyzer.Rule {
	doc, err := fs.ReadFile(p.Docs, "doc/"+name+".md")
	if err != nil {
		panic(err)
	}
	return &analyzer.Rule{
		Analyzer: &analysis.Analyzer{
			Name:     name,
			Doc:      strings.TrimSpace(string(doc)),
			Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
			Run:      run,
		},
		Category: p.Category,
		Severity: severity,
		Fix:      fix,
	}
}
