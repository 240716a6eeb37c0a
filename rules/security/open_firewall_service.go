package security

import (
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// OpenFirewallService flags databases and admin interfaces opened to the
// network.
var OpenFirewallService = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "open-firewall-service",
		Doc: "`openFirewall = true` on a database or admin service" + `

## What it does
Flags ` + "`services.<name>.openFirewall = true`" + ` (and
` + "`services.<name>.servers.<instance>.openFirewall`" + `) for databases and
administration services: PostgreSQL, MySQL, Redis, MongoDB, InfluxDB,
Elasticsearch, CouchDB, etcd, Consul, Vault, Cockpit, Webmin, …

## Why is this bad?
These services are meant for other machines of a private network or for
administrators; opening the firewall exposes them to every network the
host is on, often with default or weak authentication.

## Example
` + "```nix" + `
{
  services.redis.servers.cache.openFirewall = true;
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  networking.firewall.interfaces.wg0.allowedTCPPorts = [ 6379 ];
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runOpenFirewallService,
	},
	Category:         category,
	Severity:         analyzer.SeverityInfo,
	Tags:             tags,
	SecuritySeverity: "5.0",
}

// sensitiveServices are NixOS services that should not face the network.
var sensitiveServices = []string{
	"postgresql", "mysql", "mongodb", "redis", "influxdb", "influxdb2", "elasticsearch", "opensearch",
	"clickhouse", "couchdb", "cassandra", "memcached", "etcd", "consul", "vault", "nomad", "rabbitmq",
	"zookeeper", "apache-kafka", "minio", "cockpit", "webmin", "pgadmin", "adminer", "netdata",
	"prometheus", "grafana", "kibana",
}

func runOpenFirewallService(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, d := range nixmatch.Of(pass).Defs {
		// The definitions of nixmatch.Under(defs, "services.*"), told
		// apart without collecting them.
		if d.Path[len(d.Path)-1] != "openFirewall" || !nixmatch.MatchPrefix(d.Path, "services.*") ||
			!slices.Contains(sensitiveServices, d.Path[1]) ||
			d.Value == nil || !nixmatch.IsBool(f.Info, d.Value, true) {
			continue
		}
		if !nixmatch.Match(d.Path, "services.*.openFirewall") && !nixmatch.Match(d.Path, "services.*.servers.*.openFirewall") {
			continue
		}
		pass.Report(analysis.Diagnostic{Pos: d.Value.Pos(), End: d.Value.End(),
			Message: d.Path[1] + " is opened to every network the host is on: allow it on a private interface only"})
	}
	return nil, nil
}
