// Package monitortest starts Debian's prometheus and
// prometheus-alertmanager on loopback ports for health's monitoring
// tests, and stops them when the test ends. A missing binary fails the
// test: CI installs both.
package monitortest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/nixaudit/nixaudit/ops/transport/sshtest"
)

// Target is a scrape target: Up ones are scraped from a live endpoint
// (Prometheus's own), others from a port nothing listens on. Instance is
// the instance label it gets.
type Target struct {
	Instance string
	Up       bool
}

// Prometheus starts Prometheus scraping targets (job "node") every
// second and waits until each has been scraped once. It returns its URL.
func Prometheus(t testing.TB, targets []Target) string {
	t.Helper()
	bin := look(t, "prometheus", "prometheus")
	dir := t.TempDir()
	port := sshtest.FreePort(t)
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	cfg := "global:\n  scrape_interval: 1s\n  scrape_timeout: 500ms\nscrape_configs:\n  - job_name: node\n    static_configs:\n"
	for _, tg := range targets {
		addr := fmt.Sprintf("127.0.0.1:%d", port)
		if !tg.Up {
			addr = fmt.Sprintf("127.0.0.1:%d", sshtest.FreePort(t))
		}
		cfg += fmt.Sprintf("      - targets: [%q]\n        labels: {instance: %q}\n", addr, tg.Instance)
	}
	write(t, filepath.Join(dir, "prometheus.yml"), cfg)
	start(t, dir, bin, "--config.file="+filepath.Join(dir, "prometheus.yml"), "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+fmt.Sprintf("127.0.0.1:%d", port))
	waitFor(t, dir, "every target scraped", func() bool {
		var body struct {
			Data struct {
				ActiveTargets []struct {
					Health string `json:"health"`
				} `json:"activeTargets"`
			} `json:"data"`
		}
		if getJSON(url+"/api/v1/targets", &body) != nil || len(body.Data.ActiveTargets) != len(targets) {
			return false
		}
		for _, tg := range body.Data.ActiveTargets {
			if tg.Health == "unknown" {
				return false
			}
		}
		return true
	})
	return url
}

// Alertmanager starts Alertmanager (no clustering, notifications to
// nowhere) and returns its URL.
func Alertmanager(t testing.TB) string {
	t.Helper()
	bin := look(t, "prometheus-alertmanager", "alertmanager")
	dir := t.TempDir()
	port := sshtest.FreePort(t)
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	write(t, filepath.Join(dir, "alertmanager.yml"), "route:\n  receiver: none\nreceivers:\n  - name: none\n")
	start(t, dir, bin, "--config.file="+filepath.Join(dir, "alertmanager.yml"), "--storage.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+fmt.Sprintf("127.0.0.1:%d", port), "--cluster.listen-address=")
	waitFor(t, dir, "Alertmanager ready", func() bool {
		resp, err := http.Get(url + "/-/ready")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
	return url
}

// PostAlert fires an alert with labels (and a summary annotation)
// through Alertmanager's API and waits until it is listed as active.
func PostAlert(t testing.TB, url string, labels map[string]string, summary string) {
	t.Helper()
	body, _ := json.Marshal([]map[string]any{{"labels": labels, "annotations": map[string]string{"summary": summary}}})
	resp, err := http.Post(url+"/api/v2/alerts", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("posting an alert: HTTP %d", resp.StatusCode)
	}
	waitFor(t, "", "the alert active", func() bool {
		var alerts []struct {
			Labels map[string]string `json:"labels"`
			Status struct {
				State string `json:"state"`
			} `json:"status"`
		}
		if getJSON(url+"/api/v2/alerts", &alerts) != nil {
			return false
		}
		for _, a := range alerts {
			if a.Labels["alertname"] == labels["alertname"] && a.Status.State == "active" {
				return true
			}
		}
		return false
	})
}

// start runs bin with args in the background, its output in dir/log,
// and kills it when the test ends.
func start(t testing.TB, dir, bin string, args ...string) {
	t.Helper()
	logf, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logf.Close()
	})
}

// waitFor polls ready for up to 30 seconds; on timeout it fails the test
// with the service's log from dir.
func waitFor(t testing.TB, dir, what string, ready func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if ready() {
			return
		}
	}
	log := []byte("(no log)")
	if dir != "" {
		log, _ = os.ReadFile(filepath.Join(dir, "log"))
	}
	t.Fatalf("timed out waiting for %s; log:\n%s", what, log)
}

func getJSON(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// look finds the first of names on PATH.
func look(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Fatalf("%s not found: install prometheus and prometheus-alertmanager (CI does)", names[0])
	return ""
}

func write(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
