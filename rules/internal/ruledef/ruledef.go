// Package ruledef builds the rules of a category: every rule of a
// category shares its Category and the passes it requires, so that each
// rule file states only its name, severity, fix safety, Run and
// documentation.
package ruledef

import (
	"io/fs"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// Pack is one rule category.
type Pack struct {
	Category string
	// Docs holds doc/NAME.md for the rules built with Rule.
	Docs fs.FS
	// Requires are the passes every rule of the pack requires; nil means
	// the per-file ones, nixpass.Analyzer and nixpass.Inspect.
	Requires []*analysis.Analyzer
}

// Rule returns the rule name of the pack, documented by doc/NAME.md in
// Docs. A missing doc panics: it is a build mistake, which every test of
// the package catches at initialisation.
func (p Pack) Rule(name string, severity analyzer.Severity, fix analyzer.FixSafety, run func(*analysis.Pass) (any, error)) *analyzer.Rule {
	doc, err := fs.ReadFile(p.Docs, "doc/"+name+".md")
	if err != nil {
		panic(err)
	}
	return p.WithDoc(name, severity, fix, run, string(doc))
}

// WithDoc returns the rule name of the pack, documented by doc (Markdown,
// as analyzer.Rule requires).
func (p Pack) WithDoc(name string, severity analyzer.Severity, fix analyzer.FixSafety, run func(*analysis.Pass) (any, error), doc string) *analyzer.Rule {
	requires := p.Requires
	if requires == nil {
		requires = []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect}
	}
	return &analyzer.Rule{
		Analyzer: &analysis.Analyzer{
			Name:     name,
			Doc:      strings.TrimSpace(doc),
			Requires: requires,
			Run:      run,
		},
		Category: p.Category,
		Severity: severity,
		Fix:      fix,
	}
}
