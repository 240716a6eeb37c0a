package health_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/fleet/fleettest"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/health"
	"github.com/nixaudit/nixaudit/ops/health/monitortest"
	"github.com/nixaudit/nixaudit/ops/transport/sshtest"
)

type check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Level  string `json:"level"`
	Detail string `json:"detail"`
}

type hostJSON struct {
	Name          string  `json:"name"`
	Status        string  `json:"status"`
	Checks        []check `json:"checks"`
	CurrentSystem string  `json:"current_system"`
}

type reportJSON struct {
	Hosts      []hostJSON `json:"hosts"`
	Monitoring struct {
		Prometheus struct {
			URL       string `json:"url"`
			Error     string `json:"error"`
			TargetsUp int    `json:"targets_up"`
			Down      []struct {
				Job, Instance string
				LastError     string `json:"last_error"`
			} `json:"targets_down"`
		} `json:"prometheus"`
		Alertmanager struct {
			URL    string `json:"url"`
			Error  string `json:"error"`
			Firing []struct {
				Name    string `json:"alertname"`
				Summary string `json:"summary"`
			} `json:"firing"`
		} `json:"alertmanager"`
	} `json:"monitoring"`
}

// render renders a host's checks as "name level detail" lines, details
// with store paths replaced by <store>.
func render(h hostJSON) string {
	var b strings.Builder
	store := regexp.MustCompile(`/nix/store/[a-z0-9]{32}-[^ ,;]*`)
	for _, c := range h.Checks {
		if c.OK != (c.Level == "ok") {
			b.WriteString("ok and level disagree: ")
		}
		b.WriteString(c.Name + " " + c.Level + " " + store.ReplaceAllString(c.Detail, "<store>") + "\n")
	}
	return b.String()
}

// TestFleetHealth checks four hosts against a real Prometheus and
// Alertmanager: a healthy local host, an unhealthy one over ssh (its
// configured check fails), an unreachable one (connection refused) and a
// degraded one (its scrape target is down and an alert about it fires).
func TestFleetHealth(t *testing.T) {
	srv := sshtest.Start(t)
	t.Setenv("NIX_SSHOPTS", srv.SSHOpts())
	prom := monitortest.Prometheus(t, []monitortest.Target{{Instance: "a:9100", Up: true}, {Instance: "d:9100"}})
	am := monitortest.Alertmanager(t)
	monitortest.PostAlert(t, am, map[string]string{"alertname": "DiskFull", "instance": "d:9100", "severity": "critical"}, "/ is full")

	f := fleettest.New(t, map[string]fleettest.Spec{"a": {Generation: 1}, "b": {Generation: 1, Unhealthy: true}, "c": {Generation: 1}, "d": {Generation: 1}})
	for _, h := range []string{"a", "b", "d"} {
		f.Install(h)
	}
	cfg := &config.Config{Hosts: map[string]config.Host{}, Monitoring: config.Monitoring{Prometheus: prom, Alertmanager: am}}
	cfg.Hosts["a"] = f.Host("a", "local")
	a := cfg.Hosts["a"]
	a.Checks = append(a.Checks,
		config.Check{Name: "prometheus-ready", HTTP: prom + "/-/ready"},
		config.Check{Name: "teapot", HTTP: am + "/-/ready", ExpectStatus: 200, Timeout: "5s"})
	cfg.Hosts["a"] = a
	cfg.Hosts["b"] = f.Host("b", srv.Host)
	cfg.Hosts["c"] = f.Host("c", srv.Down)
	cfg.Hosts["d"] = f.Host("d", "local")
	f.WriteConfig(cfg)

	var out bytes.Buffer
	healthy, err := health.Run(context.Background(), health.Env{Stdout: &out}, health.Options{Dir: f.Dir, Format: gate.JSON, All: true})
	if err != nil {
		t.Fatal(err)
	}
	if healthy {
		t.Error("Run reported the fleet healthy")
	}
	var rep reportJSON
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := map[string]struct{ status, checks string }{
		"a": {"healthy", "current-system ok <store>\napp ok a generation 1 is fine\n" +
			"prometheus-ready ok HTTP 200 from " + prom + "/-/ready\nteapot ok HTTP 200 from " + am + "/-/ready\n"},
		"b": {"unhealthy", "current-system ok <store>\napp fail exit status 1: b generation 1 is unhealthy\n"},
		"c": {"unreachable", "reachable fail cannot reach fleet-down: ssh: connect to host 127.0.0.1 port " + strconv.Itoa(srv.DownPort) + ": Connection refused\n"},
		"d": {"degraded", "current-system ok <store>\napp ok d generation 1 is fine\nmonitoring warn target d:9100 (job node) down; alert DiskFull firing\n"},
	}
	if len(rep.Hosts) != 4 {
		t.Fatalf("%d hosts in the report, want 4:\n%s", len(rep.Hosts), out.String())
	}
	for i, name := range []string{"a", "b", "c", "d"} {
		h := rep.Hosts[i]
		if h.Name != name || h.Status != want[name].status || render(h) != want[name].checks {
			t.Errorf("host %d: %s %s\n%s\nwant %s %s\n%s", i, h.Name, h.Status, render(h), name, want[name].status, want[name].checks)
		}
	}
	if got, want := rep.Hosts[0].CurrentSystem, f.Running("a"); got != want {
		t.Errorf("a's current_system %q, want %q", got, want)
	}
	p := rep.Monitoring.Prometheus
	if p.URL != prom || p.Error != "" || p.TargetsUp != 1 || len(p.Down) != 1 || p.Down[0].Instance != "d:9100" || p.Down[0].Job != "node" || !strings.Contains(p.Down[0].LastError, "connection refused") {
		t.Errorf("prometheus: %+v", p)
	}
	al := rep.Monitoring.Alertmanager
	if al.URL != am || al.Error != "" || len(al.Firing) != 1 || al.Firing[0].Name != "DiskFull" || al.Firing[0].Summary != "/ is full" {
		t.Errorf("alertmanager: %+v", al)
	}

	// The same in text and Markdown.
	for format, wants := range map[gate.Format][]string{
		gate.Text: {"HOST  STATUS", "c     unreachable  reachable", "Prometheus " + prom + ": 1 up, 1 down",
			"  down: d:9100 (job node): ", "Alertmanager " + am + ": 1 alert firing", "  firing: DiskFull: / is full",
			"4 hosts: 1 healthy, 1 degraded, 1 unhealthy, 1 unreachable"},
		gate.Markdown: {"## Fleet health", "| b | unhealthy | app (fail): exit status 1: b generation 1 is unhealthy |", "| a | healthy | none |",
			"<details><summary>d: 3 checks</summary>", "### Monitoring"},
	} {
		out.Reset()
		if _, err := health.Run(context.Background(), health.Env{Stdout: &out}, health.Options{Dir: f.Dir, Format: format, All: true}); err != nil {
			t.Fatal(err)
		}
		for _, w := range wants {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s output lacks %q:\n%s", format, w, out.String())
			}
		}
	}
}

// TestMonitoringUnreachable: a monitoring endpoint that cannot be asked
// is reported, and the hosts are still checked.
func TestMonitoringUnreachable(t *testing.T) {
	f := fleettest.New(t, map[string]fleettest.Spec{"a": {Generation: 1}})
	f.Install("a")
	closed := "http://127.0.0.1:" + strconv.Itoa(sshtest.FreePort(t))
	f.WriteConfig(&config.Config{Hosts: map[string]config.Host{"a": f.Host("a", "local")}, Monitoring: config.Monitoring{Prometheus: closed, Alertmanager: closed}})
	var out, progress bytes.Buffer
	healthy, err := health.Run(context.Background(), health.Env{Stdout: &out, Progress: &progress, HTTP: &http.Client{Timeout: 5 * time.Second}}, health.Options{Dir: f.Dir, Format: gate.JSON})
	if err != nil {
		t.Fatal(err)
	}
	var rep reportJSON
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^a: healthy \(\d+(\.\d+)?m?s\)\n$`).MatchString(progress.String()) {
		t.Errorf("progress %q, want one line for a", progress.String())
	}
	if !healthy || rep.Hosts[0].Status != "healthy" {
		t.Errorf("healthy = %v, status %s; want the host healthy", healthy, rep.Hosts[0].Status)
	}
	if !strings.Contains(rep.Monitoring.Prometheus.Error, "connection refused") || !strings.Contains(rep.Monitoring.Alertmanager.Error, "connection refused") {
		t.Errorf("monitoring errors %q, %q; want connection refused", rep.Monitoring.Prometheus.Error, rep.Monitoring.Alertmanager.Error)
	}
}
