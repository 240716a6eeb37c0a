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

// each calls visit for every node of type T (a pointer to an ast node
// type) in the file, with its parent: inspect for rules on one type.
func each[T ast.Node](pass *analysis.Pass, visit func(n T, parent ast.Node)) {
	var typ T
	inspect(pass, []ast.Node{typ}, func(n, parent ast.Node) { visit(n.(T), parent) })
}
