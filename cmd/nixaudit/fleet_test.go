package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/fleet/fleettest"
)

// newFleet is the test fleet with hosts a and b on generation 1 through
// the local transport, the flake building generation 2.
func newFleet(t *testing.T) *fleettest.Fleet {
	f := fleettest.New(t, map[string]fleettest.Spec{"a": {Generation: 1}, "b": {Generation: 1}})
	cfg := &config.Config{Hosts: map[string]config.Host{}}
	for _, h := range []string{"a", "b"} {
		f.Install(h)
		cfg.Hosts[h] = f.Host(h, "local")
		f.Set(h, fleettest.Spec{Generation: 2})
	}
	f.WriteConfig(cfg)
	return f
}

func TestDeployGateRefuses(t *testing.T) {
	f := newFleet(t)
	if err := os.WriteFile(filepath.Join(f.Dir, "broken.nix"), []byte("{ a = ; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := f.Running("a")
	r := nixaudit(t, f.Dir, "", "deploy", "--all")
	if r.code != 3 || r.stdout != "" || !strings.Contains(r.stderr, "nixaudit: refused: the audit found 1 blocking finding") || !strings.Contains(r.stderr, "broken.nix:1:") {
		t.Errorf("deploy with a syntax error: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if f.Running("a") != before || len(f.Activations("a")) != 1 {
		t.Errorf("the refused deploy touched a host")
	}
}

func TestDeployHealthRollbackCLI(t *testing.T) {
	f := newFleet(t)
	old := map[string]string{"a": f.Running("a"), "b": f.Running("b")}

	r := nixaudit(t, f.Dir, "", "deploy")
	if r.code != 2 || !strings.Contains(r.stderr, "nixaudit: the flake has 2 hosts (a, b): choose with --on NAME,@tag,glob or pass --all") {
		t.Errorf("deploy without --all: exit %d, stderr %s", r.code, r.stderr)
	}
	r = nixaudit(t, f.Dir, "", "deploy", "--on", "a", "--strategy", "sideways")
	if r.code != 2 || !strings.Contains(r.stderr, "--strategy sideways: want one of") {
		t.Errorf("bad strategy: exit %d, stderr %s", r.code, r.stderr)
	}

	r = nixaudit(t, f.Dir, "", "deploy", "--all", "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "deploy (switch, parallel), dry run: 2 hosts: 2 planned") || f.Running("a") != old["a"] {
		t.Errorf("dry run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = nixaudit(t, f.Dir, "", "deploy", "--all", "--strategy", "rolling")
	newA := f.Build("a")
	if r.code != 0 || !strings.Contains(r.stdout, "deploy (switch, rolling): 2 hosts: 2 deployed") || f.Running("a") != newA {
		t.Errorf("deploy: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, line := range []string{"HOST  RESULT", "a     deployed  " + old["a"] + "  " + newA} {
		if !strings.Contains(r.stdout, line) {
			t.Errorf("deploy report lacks %q:\n%s", line, r.stdout)
		}
	}

	r = nixaudit(t, f.Dir, "", "health", "--all", "--with-eval")
	if r.code != 0 || !strings.Contains(r.stdout, "2 hosts: 2 healthy") || !strings.Contains(r.stdout, newA+" (what the flake builds)") {
		t.Errorf("health: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = nixaudit(t, f.Dir, "", "health", "--on", "ghost")
	if r.code != 2 || !strings.Contains(r.stderr, "nixaudit: --on ghost: no such host (hosts: a, b)") {
		t.Errorf("health --on ghost: exit %d, stderr %s", r.code, r.stderr)
	}

	// b's next generation fails to activate: rolled back, exit 4.
	f.Set("b", fleettest.Spec{Generation: 3, FailActivation: true})
	r = nixaudit(t, f.Dir, "", "deploy", "--on", "b", "--skip-audit", "--reason", "hotfix", "--format", "json")
	if r.code != 4 || !strings.Contains(r.stdout, `"result": "rolled-back"`) || !strings.Contains(r.stdout, `"reason": "hotfix"`) ||
		!strings.Contains(r.stderr, "nixaudit: audit skipped: hotfix") ||
		!strings.Contains(r.stderr, "nixaudit: deploy: 1 host: 1 rolled-back\n1 host(s) rolled back to their previous system") {
		t.Errorf("failing activation: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// b runs generation 2 again; make it unhealthy on the host itself:
	// health exits 1.
	f.Set("b", fleettest.Spec{Generation: 4, Unhealthy: true})
	f.Activate("b", f.Build("b"))
	r = nixaudit(t, f.Dir, "", "health", "--all", "--format", "markdown")
	if r.code != 1 || !strings.Contains(r.stdout, "| b | unhealthy | app (fail): exit status 1: b generation 4 is unhealthy |") {
		t.Errorf("health of an unhealthy host: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = nixaudit(t, f.Dir, "", "rollback", "--on", "a", "--format", "markdown")
	if r.code != 0 || !strings.Contains(r.stdout, "## rollback (switch, parallel)") || f.Running("a") != old["a"] {
		t.Errorf("rollback: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
