package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// SSHRootLogin flags SSH logins as root with any credential.
var SSHRootLogin = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "ssh-root-login",
		Doc: "`PermitRootLogin = \"yes\"` for OpenSSH" + `

## What it does
Flags ` + "`services.openssh.settings.PermitRootLogin = \"yes\"`" + ` and the legacy
` + "`services.openssh.permitRootLogin = \"yes\"`" + `.

## Why is this bad?
Root can log in with a password, so the one account every attacker knows
exists is open to password guessing, and logins are not attributable to a
person.

## Example
` + "```nix" + `
{
  services.openssh.settings.PermitRootLogin = "yes";
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  services.openssh.settings.PermitRootLogin = "prohibit-password";
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			checkOptions(pass, []string{"services.openssh.settings.PermitRootLogin", "services.openssh.permitRootLogin"},
				func(_ *nixpass.File, d nixmatch.OptionDef) string {
					if s, ok := nixmatch.String(d.Value); ok && s == "yes" {
						return "SSH allows root to log in with a password: use \"prohibit-password\" (keys only) or \"no\""
					}
					return ""
				})
			return nil, nil
		},
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "8.0",
}
