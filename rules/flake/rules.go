// Package flake holds the flake rules (category "flake"): project-wide
// checks of flake.nix and its flake.lock, whose findings point into the
// lock file.
package flake

import (
	"time"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/ruledef"
)

// Rules are the flake rules, sorted by name.
var Rules = []*analyzer.Rule{
	FlakeInputUnpinned,
	LockDuplicateInputs,
	LockMissing,
	LockNonNixOSOwner,
	LockOutdated,
	LockUnsupportedBranch,
}

const category = "flake"

// pack builds the flake rules, which all read the project's flake.nix
// and flake.lock files.
var pack = ruledef.Pack{Category: category, Requires: requires}

// Now is the clock of the rules that judge dates (lock-outdated,
// lock-unsupported-branch); tests replace it to get stable results.
var Now = time.Now
