// Package module holds the module rules (category "module"): hygiene of
// NixOS and home-manager modules, from option declarations to options
// NixOS renamed or removed.
package module

import (
	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/ruledef"
)

// Rules are the module rules, sorted by name.
var Rules = []*analyzer.Rule{
	ConfigShadowing,
	DeprecatedOption,
	DuplicatePackage,
	MissingStateVersion,
	MkifTopLevel,
	OptionMissingDescription,
	OptionMissingType,
}

const category = "module"

// pack builds the per-file rules of the category.
var pack = ruledef.Pack{Category: category}
