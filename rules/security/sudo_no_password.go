package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// SudoNoPassword flags sudo (or doas) for wheel without a password.
var SudoNoPassword = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "sudo-no-password",
		Doc: "`security.sudo.wheelNeedsPassword = false`" + `

## What it does
Flags ` + "`security.sudo.wheelNeedsPassword = false`" + ` (and the same option of
` + "`security.sudo-rs`" + ` and ` + "`security.doas`" + `).

## Why is this bad?
Any process running as a wheel user, such as a compromised browser or a
malicious build script, becomes root without asking anyone.

## Example
` + "```nix" + `
{
  security.sudo.wheelNeedsPassword = false;
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  security.sudo.wheelNeedsPassword = true;
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			checkOptions(pass, []string{"security.sudo.wheelNeedsPassword", "security.sudo-rs.wheelNeedsPassword", "security.doas.wheelNeedsPassword"},
				boolOption(false, "wheel users become root without a password: any process they run can take over the machine"))
			return nil, nil
		},
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "6.5",
}
