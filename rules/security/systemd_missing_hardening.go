package security

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// SystemdMissingHardening flags services without basic sandboxing.
var SystemdMissingHardening = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "systemd-missing-hardening",
		Doc: "systemd service without `NoNewPrivileges`, `ProtectSystem` or `PrivateTmp`" + `

## What it does
Flags services defined in ` + "`systemd.services.<name>`" + ` (the file sets their
` + "`ExecStart`" + ` or ` + "`script`" + ` and declares the unit: ` + "`wantedBy`, `description`" + `,
` + "`serviceConfig.Type`" + `, …) whose ` + "`serviceConfig`" + ` lacks any of
` + "`NoNewPrivileges`, `ProtectSystem`" + ` and ` + "`PrivateTmp`" + `. ` + "`DynamicUser = true`" + `
implies the last two. Services only adjusted in the file, or whose settings
are computed, are not flagged.

## Why is this bad?
These three settings cost nothing for almost every service and stop a
compromised service from gaining privileges through setuid programs,
writing to the system, or reading other services' temporary files.

## Example
` + "```nix" + `
{ pkgs, ... }:
{
  systemd.services.hello = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig.ExecStart = "${pkgs.hello}/bin/hello";
  };
}
` + "```" + `

## Use instead
` + "```nix" + `
{ pkgs, ... }:
{
  systemd.services.hello = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      DynamicUser = true;
      NoNewPrivileges = true;
    };
  };
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runSystemdMissingHardening,
	},
	Category:         category,
	Severity:         analyzer.SeverityInfo,
	Tags:             tags,
	SecuritySeverity: "3.0",
}

// hardening are the settings looked for; DynamicUser implies the ones
// marked true.
var hardening = []struct {
	name           string
	impliedDynamic bool
}{{"NoNewPrivileges", false}, {"ProtectSystem", true}, {"PrivateTmp", true}}

func runSystemdMissingHardening(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, s := range definedServices(pass) {
		dynamic := s.isSet(f, "DynamicUser")
		var missing []string
		for _, h := range hardening {
			if !s.isSet(f, h.name) && !(h.impliedDynamic && dynamic) {
				missing = append(missing, h.name)
			}
		}
		if len(missing) > 0 {
			pass.Report(analysis.Diagnostic{Pos: s.key.Pos(), End: s.key.End(),
				Message: "service " + s.name + " lacks basic hardening: set " + strings.Join(missing, ", ") + " in serviceConfig"})
		}
	}
	return nil, nil
}
