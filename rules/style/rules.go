// Package style holds the style rules (statix parity): code that works
// but has a simpler or more idiomatic form.
package style

import "github.com/nixaudit/nixaudit/analyzer"

// Rules are the style rules, sorted by name.
var Rules = []*analyzer.Rule{
	BoolComparison,
	BoolSimplification,
	CollapsibleLetIn,
	DeprecatedIsNull,
	DeprecatedToPath,
	EmptyInherit,
	EmptyLetIn,
	EmptyListConcat,
	EmptyPattern,
	EtaReduction,
	LegacyLetSyntax,
	ListLiteralConcat,
	ManualInherit,
	ManualInheritFrom,
	RedundantParens,
	RedundantPatternBind,
	RepeatedKeys,
	SetLiteralUpdate,
	URLLiteral,
	UselessHasAttr,
}
