package style

import (
	"embed"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/ruledef"
)

//go:embed doc/*.md
var docs embed.FS

// pack builds the category's rules, documented by doc/NAME.md.
var pack = ruledef.Pack{Category: "style", Docs: docs}

// fixIf returns fix as the only suggested fix, or none when ok is false.
func fixIf(ok bool, fix analysis.SuggestedFix) []analysis.SuggestedFix {
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{fix}
}

// each calls visit for every node of type T (a pointer to an ast node
// type) in the file, in source order, using the index all rules share.
func each[T ast.Node](pass *analysis.Pass, visit func(n T)) {
	var typ T
	nixpass.InspectorOf(pass).Preorder([]ast.Node{typ}, func(n ast.Node) { visit(n.(T)) })
}
