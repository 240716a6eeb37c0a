// Package health checks fleet hosts, read-only: per host, in parallel and
// within a per-host timeout, the built-in checks the host's
// builtin-checks selects (reachable, systemd, disk, memory), its current
// system (and, when asked, whether that is what the flake builds), and
// its configured checks (a command on the host, or an HTTP request from
// here); then Prometheus's down targets and Alertmanager's firing alerts.
//
// A check ends ok, warn or fail. A host is unreachable when it cannot be
// reached, unhealthy when a check fails, degraded when one warns, else
// healthy. A tool missing on the host is a warning that says so: a check
// never crashes the run. deploy verifies a host with the same checks.
package health
