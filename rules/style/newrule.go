package style

import (
	"embed"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

//go:embed doc/*.md
var docs embed.FS

// newRule returns a style rule whose doc is doc/NAME.md.
func newRule(name string, severity analyzer.Severity, fix analyzer.FixSafety, run func(*analysis.Pass) (any, error)) *analyzer.Rule {
	doc, err := docs.ReadFile("doc/" + name + ".md")
	if err != nil {
		panic(err) // a missing doc is a build mistake, caught by every test
	}
	return &analyzer.Rule{
		Analyzer: &analysis.Analyzer{
			Name:     name,
			Doc:      strings.TrimSpace(string(doc)),
			Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
			Run:      run,
		},
		Category: "style",
		Severity: severity,
		Fix:      fix,
	}
}

// inspect calls visit for every node of the given types in the file,
// with its parent (nil for the file's expression), using the walk all
// rules share.
func inspect(pass *analysis.Pass, types []ast.Node, visit func(n, parent ast.Node)) {
	nixpass.InspectorOf(pass).WithStack(types, func(n ast.Node, stack []ast.Node) {
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		visit(n, parent)
	})
}

// fixIf returns fix as the only suggested fix, or none when ok is false.
func fixIf(ok bool, fix analysis.SuggestedFix) []analysis.SuggestedFix {
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{fix}
}
