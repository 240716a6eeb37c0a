package security

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// ServiceRunsAsRoot flags systemd services that run as root.
var ServiceRunsAsRoot = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "service-runs-as-root",
		Doc: "systemd service without `User`/`DynamicUser`, or with `User = \"root\"`" + `

## What it does
Flags services defined in ` + "`systemd.services.<name>`" + ` (the file sets their
` + "`ExecStart`" + ` or ` + "`script`" + ` and declares the unit: ` + "`wantedBy`, `description`" + `,
` + "`serviceConfig.Type`" + `, …) whose ` + "`serviceConfig`" + ` sets neither ` + "`User`" + ` nor
` + "`DynamicUser = true`" + `, and ` + "`User = \"root\"`" + `. Services a file only adjusts
(` + "`systemd.services.nginx.serviceConfig.ProtectHome = true;`" + `) belong to a NixOS
module that chooses their user, and are not flagged; neither are services
whose settings are computed.

## Why is this bad?
A service running as root turns any bug in it into a full compromise of
the machine. Most services need no privileges, or only specific
capabilities.

## Example
` + "```nix" + `
{ pkgs, ... }:
{
  systemd.services.backup = {
    script = "${pkgs.restic}/bin/restic backup /srv";
    serviceConfig.Type = "oneshot";
  };
}
` + "```" + `

## Use instead
` + "```nix" + `
{ pkgs, ... }:
{
  systemd.services.backup = {
    script = "${pkgs.restic}/bin/restic backup /srv";
    serviceConfig = { Type = "oneshot"; DynamicUser = true; };
  };
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runServiceRunsAsRoot,
	},
	Category:         category,
	Severity:         analyzer.SeverityInfo,
	Tags:             tags,
	SecuritySeverity: "4.0",
}

func runServiceRunsAsRoot(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, s := range definedServices(pass) {
		users := s.setting("User")
		for _, d := range users {
			if v, ok := nixmatch.String(d.Value); ok && v == "root" {
				pass.Report(analysis.Diagnostic{Pos: d.Value.Pos(), End: d.Value.End(),
					Message: "service " + s.name + " runs as root: use DynamicUser = true or a dedicated user"})
			}
		}
		if len(users) == 0 && !s.isSet(f, "DynamicUser") {
			pass.Report(analysis.Diagnostic{Pos: s.key.Pos(), End: s.key.End(),
				Message: "service " + s.name + " runs as root (no User or DynamicUser): set serviceConfig.DynamicUser = true or a dedicated User"})
		}
	}
	return nil, nil
}
