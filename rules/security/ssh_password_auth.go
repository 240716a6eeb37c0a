package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// SSHPasswordAuth flags SSH password logins.
var SSHPasswordAuth = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "ssh-password-auth",
		Doc: "`PasswordAuthentication = true` for OpenSSH" + `

## What it does
Flags ` + "`services.openssh.settings.PasswordAuthentication = true`" + ` and the
legacy ` + "`services.openssh.passwordAuthentication = true`" + `.

## Why is this bad?
Password logins over SSH are exposed to credential stuffing and brute
force from the whole internet; keys are not.

## Example
` + "```nix" + `
{
  services.openssh.settings.PasswordAuthentication = true;
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  services.openssh.settings.PasswordAuthentication = false;
  users.users.alice.openssh.authorizedKeys.keys = [ "ssh-ed25519 AAAA… alice" ];
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			checkOptions(pass, []string{"services.openssh.settings.PasswordAuthentication", "services.openssh.passwordAuthentication"},
				boolOption(true, "SSH accepts password logins: use keys and set PasswordAuthentication = false"))
			return nil, nil
		},
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "7.0",
}
