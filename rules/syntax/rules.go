package syntax

import "github.com/nixaudit/nixaudit/analyzer"

// Rules are the syntax rules, sorted by name.
var Rules = []*analyzer.Rule{
	DuplicateAttribute,
	DuplicateFormal,
	DynamicAttributeInLet,
	InvalidLiteral,
	SyntaxError,
	UndefinedVariable,
}
