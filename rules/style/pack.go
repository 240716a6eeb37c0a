package style

import (
	"embed"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/ruledef"
)

//go:embed doc/*.md
var docs embed.FS

// pack builds the category's rules, documented by doc/NAME.md.
var pack = ruledef.Pack{Category: "style", Docs: docs}

// parentOf returns n's parent in f: the *ast.File for the file's
// expression. Rules ask for it only to word a finding, so that the walks
// over every file need no stack.
func parentOf(f *nixpass.File, n ast.Node) ast.Node {
	stack, _ := edit.Ancestors(f.File, n)
	return top(stack, 0)
}

// top returns the node i below the top of stack (its last node for 0),
// or nil.
func top(stack []ast.Node, i int) ast.Node {
	if len(stack) <= i {
		return nil
	}
	return stack[len(stack)-1-i]
}

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
