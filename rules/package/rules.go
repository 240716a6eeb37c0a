// Package pkgrules holds the package rules (category "package"):
// derivation hygiene, from missing metadata to hashes Nix would reject.
// (The directory is rules/package; package is a Go keyword.)
package pkgrules

import (
	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/ruledef"
)

// Rules are the package rules, sorted by name.
var Rules = []*analyzer.Rule{
	BuildToolInBuildInputs,
	FakeHash,
	FlagsNotList,
	InvalidHash,
	MissingLicense,
	MissingMeta,
	NonSRIHash,
	PhaseWithoutHooks,
	UnpinnedRev,
}

const category = "package"

// pack builds the per-file rules of the category.
var pack = ruledef.Pack{Category: category}
