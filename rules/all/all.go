// Package all aggregates every nixaudit rule: the registry the CLI and
// the fleet operations' audit gate run.
package all

import (
	"slices"
	"strings"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/antipattern"
	"github.com/nixaudit/nixaudit/rules/deadcode"
	"github.com/nixaudit/nixaudit/rules/flake"
	"github.com/nixaudit/nixaudit/rules/module"
	pkgrules "github.com/nixaudit/nixaudit/rules/package"
	"github.com/nixaudit/nixaudit/rules/security"
	"github.com/nixaudit/nixaudit/rules/style"
	"github.com/nixaudit/nixaudit/rules/syntax"
)

// categories lists each category's rules; add a package here once it
// compiles.
var categories = [][]*analyzer.Rule{
	syntax.Rules,
	deadcode.Rules,
	style.Rules,
	antipattern.Rules,
	security.Rules,
	module.Rules,
	pkgrules.Rules,
	flake.Rules,
	{analyzer.UnusedSuppression},
}

// Rules returns every rule, sorted by name.
func Rules() []*analyzer.Rule {
	var rules []*analyzer.Rule
	for _, c := range categories {
		rules = append(rules, c...)
	}
	slices.SortFunc(rules, func(a, b *analyzer.Rule) int { return strings.Compare(a.Name, b.Name) })
	return rules
}
