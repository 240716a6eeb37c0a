package security

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// FirewallWidePorts flags firewall port ranges wider than any one service
// needs.
var FirewallWidePorts = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "firewall-wide-ports",
		Doc: "firewall port ranges spanning more than 1000 ports" + `

## What it does
Flags entries of ` + "`networking.firewall.allowedTCPPortRanges`" + ` and
` + "`allowedUDPPortRanges`" + ` (also per interface) that open more than 1000
ports, or all of them. Mosh's standard UDP range 60000-61000 is not
flagged.

## Why is this bad?
A wide range opens the firewall for services nobody meant to expose, such
as debugging ports and databases started later.

## Example
` + "```nix" + `
{
  networking.firewall.allowedTCPPortRanges = [ { from = 1; to = 65535; } ];
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  networking.firewall.allowedUDPPortRanges = [ { from = 60000; to = 60010; } ]; # mosh
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runFirewallWidePorts,
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "6.5",
}

// maxPortRange is the widest range not flagged.
const maxPortRange = 1000

var portRangeOptions = []string{
	"networking.firewall.allowedTCPPortRanges",
	"networking.firewall.allowedUDPPortRanges",
	"networking.firewall.interfaces.*.allowedTCPPortRanges",
	"networking.firewall.interfaces.*.allowedUDPPortRanges",
}

func runFirewallWidePorts(pass *analysis.Pass) (any, error) {
	index := nixmatch.Of(pass)
	for _, p := range portRangeOptions {
		for _, d := range index.Find(p) {
			list, ok := ast.Unparen(d.Value).(*ast.ListExpr)
			if !ok {
				continue
			}
			for _, el := range list.Elems {
				from, to, ok := portRange(el)
				if !ok || to-from+1 <= maxPortRange || isMoshRange(p, from, to) {
					continue
				}
				msg := fmt.Sprintf("the firewall opens %d ports (%d-%d): open only the ports the services need", to-from+1, from, to)
				if from <= 1 && to >= 65535 {
					msg = "the firewall opens every port: open only the ports the services need"
				}
				pass.Report(analysis.Diagnostic{Pos: el.Pos(), End: el.End(), Message: msg})
			}
		}
	}
	return nil, nil
}

// portRange reads { from = N; to = M; }.
func portRange(e ast.Expr) (from, to int64, ok bool) {
	set, isSet := ast.Unparen(e).(*ast.AttrSetExpr)
	if !isSet {
		return 0, 0, false
	}
	var hasFrom, hasTo bool
	for _, b := range set.Bindings {
		d, isDef := b.(*ast.AttrDef)
		if !isDef || len(d.Path.Keys) != 1 {
			continue
		}
		name, _ := ast.KeyName(d.Path.Keys[0])
		v, isInt := nixmatch.Int(d.Value)
		switch {
		case name == "from" && isInt:
			from, hasFrom = v, true
		case name == "to" && isInt:
			to, hasTo = v, true
		}
	}
	return from, to, hasFrom && hasTo
}

// isMoshRange reports whether from-to is mosh's UDP range, 60000-61000,
// which programs.mosh.openFirewall opens itself: one port more than
// maxPortRange, and standard.
func isMoshRange(option string, from, to int64) bool {
	return strings.HasSuffix(option, "UDPPortRanges") && from == 60000 && to == 61000
}
