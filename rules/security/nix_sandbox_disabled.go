package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// NixSandboxDisabled flags builds that run outside the Nix sandbox.
var NixSandboxDisabled = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "nix-sandbox-disabled",
		Doc: "`nix.settings.sandbox = false`" + `

## What it does
Flags ` + "`nix.settings.sandbox = false`" + ` and the legacy ` + "`nix.useSandbox = false`" + `.

## Why is this bad?
Without the sandbox, builders see the whole file system and the network:
a build can read secrets from the host, and builds stop being
reproducible.

## Example
` + "```nix" + `
{
  nix.settings.sandbox = false;
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  nix.settings.sandbox = true;
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			checkOptions(pass, []string{"nix.settings.sandbox", "nix.useSandbox"},
				boolOption(false, "the Nix build sandbox is disabled: builds can read the host's files and reach the network"))
			return nil, nil
		},
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "6.0",
}
