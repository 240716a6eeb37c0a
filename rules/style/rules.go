// Package style holds the style rules (statix parity): code that works
// but has a simpler or more idiomatic form.
package style

import "github.com/nixaudit/nixaudit/analyzer"

// Rules are the style rules, sorted by name.
var Rules = []*analyzer.Rule{
	EmptyInherit,
	URLLiteral,
}
