package health_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/fleet/fleettest"
	"github.com/nixaudit/nixaudit/ops/health"
	"github.com/nixaudit/nixaudit/ops/run"
	"github.com/nixaudit/nixaudit/ops/transport"
)

// toolbox is a directory holding the real tools the built-in checks use,
// so a test controls which tools "the host" has.
func toolbox(t *testing.T, tools ...string) string {
	dir := t.TempDir()
	for _, tool := range tools {
		p, err := exec.LookPath(tool)
		if err != nil {
			t.Fatalf("%s not found", tool)
		}
		if err := os.Symlink(p, filepath.Join(dir, tool)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkerIn returns a Checker whose local host finds programs only in
// dir.
func checkerIn(dir string) *health.Checker {
	r := &run.Runner{LookPath: func(name string) (string, error) {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			return "", &exec.Error{Name: name, Err: exec.ErrNotFound}
		}
		return p, nil
	}}
	return &health.Checker{Connect: func(h fleet.Host) (transport.Transport, error) {
		return transport.New(r, h.Target, transport.Options{})
	}}
}

// TestBuiltinChecks runs every built-in check on this machine. systemd
// cannot run in a test container, so systemctl is either absent or a
// script answering as systemd does on a degraded system.
func TestBuiltinChecks(t *testing.T) {
	f := fleettest.New(t, map[string]fleettest.Spec{"a": {Generation: 1}})
	f.Install("a")
	host := fleet.Host{Name: "a", Target: "local", CurrentSystem: f.CurrentSystem("a"), Builtin: fleet.BuiltinChecks}
	dir := toolbox(t, "true", "readlink", "stat", "cat")

	want := []struct{ name, level, detail string }{
		{"reachable", "ok", `^local in \d+ms$`},
		{"systemd", "warn", `^systemctl not found on the host$`},
		{"disk /", "*", `^\d+% used( \(at or above [789]0%\))?$`},
		{"disk /nix/store", "*", `^\d+% used( \(at or above [789]0%\))?$`},
	}
	if _, err := os.Stat("/boot"); err == nil {
		want = append(want, want[3])
		want[4].name = "disk /boot"
	}
	want = append(want,
		struct{ name, level, detail string }{"memory", "*", `^\d+% available of \d+\.\d GiB( \(under [12]0%\))?$`},
		struct{ name, level, detail string }{"load", "*", `^\d+\.\d\d on \d+ CPUs?( \(above 2 per CPU\))?$`},
		struct{ name, level, detail string }{"current-system", "ok", "^" + regexp.QuoteMeta(f.Running("a")) + "$"},
	)
	check := func(rep health.HostReport) {
		t.Helper()
		if len(rep.Checks) != len(want) {
			t.Fatalf("checks %+v, want %d", rep.Checks, len(want))
		}
		for i, w := range want {
			c := rep.Checks[i]
			if c.Name != w.name || (w.level != "*" && c.Level.String() != w.level) || !regexp.MustCompile(w.detail).MatchString(c.Detail) {
				t.Errorf("check %d: %s %s %q, want %s %s %s", i, c.Name, c.Level, c.Detail, w.name, w.level, w.detail)
			}
		}
	}
	rep := checkerIn(dir).Host(context.Background(), host)
	check(rep)
	if rep.Status == health.Healthy || rep.Status == health.Unreachable {
		t.Errorf("status %s with systemctl missing, want degraded or unhealthy", rep.Status)
	}

	systemctl := `#!/bin/sh
case "$*" in
  is-system-running) echo degraded; exit 1 ;;
  "--failed --no-legend --plain") printf 'nginx.service loaded failed failed Nginx\npostgresql.service loaded failed failed PostgreSQL\n' ;;
  *) exit 2 ;;
esac
`
	if err := os.WriteFile(filepath.Join(dir, "systemctl"), []byte(systemctl), 0o755); err != nil {
		t.Fatal(err)
	}
	want[1] = struct{ name, level, detail string }{"systemd", "fail", `^degraded: 2 units failed: nginx\.service, postgresql\.service$`}
	rep = checkerIn(dir).Host(context.Background(), host)
	check(rep)
	if rep.Status != health.Unhealthy {
		t.Errorf("status %s with failed units, want unhealthy", rep.Status)
	}

	// Only the selected built-in checks run.
	host.Builtin = []string{fleet.CheckSystemd}
	rep = checkerIn(dir).Host(context.Background(), host)
	if len(rep.Checks) != 2 || rep.Checks[0].Name != "systemd" || rep.Checks[1].Name != "current-system" {
		t.Errorf("builtin-checks = [systemd]: checks %+v", rep.Checks)
	}
}

func TestWithEvalAndTimeouts(t *testing.T) {
	f := fleettest.New(t, map[string]fleettest.Spec{"a": {Generation: 1}})
	old := f.Install("a")
	f.Set("a", fleettest.Spec{Generation: 2})
	built := f.Build("a")
	host := fleet.Host{Name: "a", Target: "local", CurrentSystem: f.CurrentSystem("a"),
		Checks: []fleet.Check{{Name: "slow", Cmd: []string{"sleep", "5"}, Timeout: 300 * time.Millisecond}}}
	c := checkerIn(toolbox(t, "true", "readlink", "sleep"))
	c.Expected = func(context.Context, string) (string, error) { return built, nil }

	rep := c.Host(context.Background(), host)
	want := []string{
		"current-system warn " + old + ", but the flake builds " + built,
		"slow fail timed out",
	}
	if len(rep.Checks) != 2 || rep.Checks[0].Name+" "+rep.Checks[0].Level.String()+" "+rep.Checks[0].Detail != want[0] ||
		rep.Checks[1].Name+" "+rep.Checks[1].Level.String()+" "+rep.Checks[1].Detail != want[1] {
		t.Errorf("checks %+v, want %q", rep.Checks, want)
	}

	f.Activate("a", built)
	host.Checks = nil
	rep = c.Host(context.Background(), host)
	if len(rep.Checks) != 1 || rep.Checks[0].Detail != built+" (what the flake builds)" || rep.Status != health.Healthy {
		t.Errorf("after deploying what the flake builds: %+v", rep)
	}

	// The host timeout cuts every check off.
	host.Checks = []fleet.Check{{Name: "slow", Cmd: []string{"sleep", "60"}, Timeout: time.Minute}}
	c.HostTimeout = 2 * time.Second
	start := time.Now()
	rep = c.Host(context.Background(), host)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("host timeout of 2s took %s", d)
	}
	last := rep.Checks[len(rep.Checks)-1]
	if rep.Status != health.Unhealthy || last.Name != "timeout" || rep.Checks[1].Detail != "timed out" {
		t.Errorf("host timeout: %+v", rep)
	}
}
