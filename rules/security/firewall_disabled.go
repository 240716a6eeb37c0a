package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// FirewallDisabled flags a host firewall turned off.
var FirewallDisabled = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "firewall-disabled",
		Doc: "`networking.firewall.enable = false`" + `

## What it does
Flags ` + "`networking.firewall.enable = false`" + `, however the path is written
and whatever wrapper (` + "`mkForce`, `mkDefault`, `mkIf`" + `) carries the value.
A definition under ` + "`mkIf false`" + ` or ` + "`optionalAttrs false`" + ` is skipped: it never
applies.

## Why is this bad?
Every service that listens on a port becomes reachable from the network,
including ones that bind to all addresses by default or were never meant to
be exposed.

## Example
` + "```nix" + `
{
  networking.firewall.enable = false;
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  networking.firewall.enable = true;
  networking.firewall.allowedTCPPorts = [ 443 ];
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			checkOptions(pass, []string{"networking.firewall.enable"},
				boolOption(false, "the firewall is disabled: every listening service is reachable from the network; keep it enabled and open only the ports needed"))
			return nil, nil
		},
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "7.0",
}
