package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// TrustedUsersWide flags Nix trust given to everyone.
var TrustedUsersWide = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "trusted-users-wide",
		Doc: "`nix.settings.trusted-users` containing `*` or `@users`" + `

## What it does
Flags the entries ` + "`\"*\"`" + ` and ` + "`\"@users\"`" + ` in ` + "`nix.settings.trusted-users`" + ` (and
the legacy ` + "`nix.trustedUsers`" + `).

## Why is this bad?
A trusted Nix user can add substituters and import unsigned store paths,
which is equivalent to root: every user of the machine becomes root.

## Example
` + "```nix" + `
{
  nix.settings.trusted-users = [ "root" "@users" ];
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  nix.settings.trusted-users = [ "root" "@wheel" ];
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runTrustedUsersWide,
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "7.5",
}

// broadUsers are trusted-users entries that cover every user.
var broadUsers = map[string]string{
	"*":      "every user",
	"@users": "every member of the users group",
}

func runTrustedUsersWide(pass *analysis.Pass) (any, error) {
	index := nixmatch.Of(pass)
	for _, p := range []string{"nix.settings.trusted-users", "nix.trustedUsers"} {
		for _, d := range index.Find(p) {
			values, nodes := nixmatch.Strings(d.Value)
			for i, v := range values {
				if who, ok := broadUsers[v]; ok {
					pass.Report(analysis.Diagnostic{Pos: nodes[i].Pos(), End: nodes[i].End(),
						Message: "\"" + v + "\" makes " + who + " a trusted Nix user, which is equivalent to root"})
				}
			}
		}
	}
	return nil, nil
}
