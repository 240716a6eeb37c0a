package deploy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/deploy"
	"github.com/nixaudit/nixaudit/ops/fleet/fleettest"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/transport/sshtest"
)

// testFleet is three hosts on generation 1: a and c on this machine
// through the local transport, b through ssh to a real sshd on
// 127.0.0.1 (or, with refusedB, to a port that refuses connections).
type testFleet struct {
	*fleettest.Fleet
	// paths[host][gen] is the host's system of that generation.
	paths map[string]map[int]string
	// progress is what the last run wrote as progress.
	progress string
}

var hosts = []string{"a", "b", "c"}

func newTestFleet(t *testing.T, refusedB bool) *testFleet {
	return newTestFleetOn(t, sshtest.Start(t), refusedB)
}

// newTestFleetOn is newTestFleet with b on the given ssh server.
func newTestFleetOn(t *testing.T, srv *sshtest.Server, refusedB bool) *testFleet {
	t.Setenv("NIX_SSHOPTS", srv.SSHOpts())
	f := &testFleet{Fleet: fleettest.New(t, map[string]fleettest.Spec{"a": {Generation: 1}, "b": {Generation: 1}, "c": {Generation: 1}}), paths: map[string]map[int]string{}}
	target := map[string]string{"a": "local", "b": srv.Host, "c": "local"}
	if refusedB {
		target["b"] = srv.Down
	}
	cfg := &config.Config{Hosts: map[string]config.Host{}}
	for _, h := range hosts {
		f.paths[h] = map[int]string{1: f.Install(h)}
		cfg.Hosts[h] = f.Host(h, target[h])
	}
	f.WriteConfig(cfg)
	return f
}

// next makes the flake build generation 2 of every host, with fault
// injected into host faulty, and records the paths that build.
func (f *testFleet) next(faulty string, fault fleettest.Spec) {
	for _, h := range hosts {
		spec := fleettest.Spec{Generation: 2}
		if h == faulty {
			spec = fault
			spec.Generation = 2
		}
		f.Set(h, spec)
		if !spec.FailBuild {
			f.paths[h][2] = f.Build(h)
		}
	}
}

// report is the JSON report's part the tests check.
type report struct {
	Hosts []struct {
		Name    string         `json:"name"`
		Result  deploy.Result  `json:"result"`
		OldPath string         `json:"old_path"`
		NewPath string         `json:"new_path"`
		Error   string         `json:"error"`
		Log     []string       `json:"log"`
		Checks  []any          `json:"checks"`
		Dur     map[string]any `json:"durations"`
	} `json:"hosts"`
}

func (r *report) results() map[string]deploy.Result {
	m := map[string]deploy.Result{}
	for _, h := range r.Hosts {
		m[h.Name] = h.Result
	}
	return m
}

func (r *report) order() []string {
	var names []string
	for _, h := range r.Hosts {
		names = append(names, h.Name)
	}
	return names
}

// run runs deploy (or rollback) with the audit skipped and returns the
// JSON report and exit code.
func (f *testFleet) run(t *testing.T, opts deploy.Options, on []string, rollback bool) (*report, int) {
	t.Helper()
	if opts.VerifyTimeout == 0 {
		opts.VerifyTimeout = 2 * time.Second
	}
	opts.RetryInterval = 100 * time.Millisecond
	var stdout, stderr bytes.Buffer
	c := deploy.Command{
		Dir:     f.Dir,
		Gate:    gate.Flags{Format: gate.JSON, SkipAudit: true, Reason: "deploy tests"},
		On:      on,
		All:     on == nil,
		Options: opts,
	}
	var progress bytes.Buffer
	err := deploy.Run(context.Background(), deploy.Env{Stdout: &stdout, Stderr: &stderr, Progress: &progress}, c, rollback)
	f.progress = progress.String()
	var rep report
	if jerr := json.Unmarshal(stdout.Bytes(), &rep); jerr != nil {
		t.Fatalf("report: %v\nstdout:\n%s\nstderr:\n%s\nerr: %v", jerr, stdout.String(), stderr.String(), err)
	}
	return &rep, gate.ExitCode(err)
}

// onGeneration checks which generation each host runs (current-system)
// and holds in its profile.
func (f *testFleet) onGeneration(t *testing.T, want map[string]int) {
	t.Helper()
	for _, h := range hosts {
		p := f.paths[h][want[h]]
		if got := f.Running(h); got != p {
			t.Errorf("%s runs %s, want generation %d %s", h, got, want[h], p)
		}
		if got := f.ProfilePath(h); got != p {
			t.Errorf("%s's profile is %s, want generation %d %s", h, got, want[h], p)
		}
	}
}

func TestFaults(t *testing.T) {
	buildFails := fleettest.Spec{FailBuild: true}
	activationFails := fleettest.Spec{FailActivation: true}
	unhealthy := fleettest.Spec{Unhealthy: true}
	D, R, F, S := deploy.Deployed, deploy.RolledBack, deploy.Failed, deploy.Skipped
	srv := sshtest.Start(t)
	for _, tc := range []struct {
		name     string
		strategy string
		on       []string
		faulty   string
		fault    fleettest.Spec
		refused  bool
		want     map[string]deploy.Result
		gen      map[string]int
	}{
		{name: "parallel/build", strategy: deploy.Parallel, faulty: "b", fault: buildFails,
			want: map[string]deploy.Result{"a": S, "b": F, "c": S}, gen: map[string]int{"a": 1, "b": 1, "c": 1}},
		{name: "parallel/activation", strategy: deploy.Parallel, faulty: "b", fault: activationFails,
			want: map[string]deploy.Result{"a": D, "b": R, "c": D}, gen: map[string]int{"a": 2, "b": 1, "c": 2}},
		{name: "parallel/health", strategy: deploy.Parallel, faulty: "b", fault: unhealthy,
			want: map[string]deploy.Result{"a": D, "b": R, "c": D}, gen: map[string]int{"a": 2, "b": 1, "c": 2}},
		{name: "parallel/refused", strategy: deploy.Parallel, refused: true,
			want: map[string]deploy.Result{"a": D, "b": F, "c": D}, gen: map[string]int{"a": 2, "b": 1, "c": 2}},
		{name: "rolling/build", strategy: deploy.Rolling, faulty: "c", fault: buildFails,
			want: map[string]deploy.Result{"a": S, "b": S, "c": F}, gen: map[string]int{"a": 1, "b": 1, "c": 1}},
		{name: "rolling/activation", strategy: deploy.Rolling, faulty: "b", fault: activationFails,
			want: map[string]deploy.Result{"a": D, "b": R, "c": S}, gen: map[string]int{"a": 2, "b": 1, "c": 1}},
		{name: "rolling/health", strategy: deploy.Rolling, faulty: "a", fault: unhealthy,
			want: map[string]deploy.Result{"a": R, "b": S, "c": S}, gen: map[string]int{"a": 1, "b": 1, "c": 1}},
		{name: "rolling/refused", strategy: deploy.Rolling, refused: true,
			want: map[string]deploy.Result{"a": D, "b": F, "c": S}, gen: map[string]int{"a": 2, "b": 1, "c": 1}},
		{name: "canary/build", strategy: deploy.Canary, faulty: "a", fault: buildFails,
			want: map[string]deploy.Result{"a": F, "b": S, "c": S}, gen: map[string]int{"a": 1, "b": 1, "c": 1}},
		{name: "canary/activation", strategy: deploy.Canary, faulty: "a", fault: activationFails,
			want: map[string]deploy.Result{"a": R, "b": S, "c": S}, gen: map[string]int{"a": 1, "b": 1, "c": 1}},
		{name: "canary/health-after-canary", strategy: deploy.Canary, faulty: "b", fault: unhealthy,
			want: map[string]deploy.Result{"a": D, "b": R, "c": D}, gen: map[string]int{"a": 2, "b": 1, "c": 2}},
		{name: "canary/refused", strategy: deploy.Canary, on: []string{"b", "a,c"}, refused: true,
			want: map[string]deploy.Result{"a": S, "b": F, "c": S}, gen: map[string]int{"a": 1, "b": 1, "c": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTestFleetOn(t, srv, tc.refused)
			f.next(tc.faulty, tc.fault)
			before := map[string][]string{}
			for _, h := range hosts {
				before[h] = f.Activations(h)
			}
			rep, code := f.run(t, deploy.Options{Strategy: tc.strategy}, tc.on, false)
			if code != gate.ExitFailed {
				t.Errorf("exit code %d, want %d", code, gate.ExitFailed)
			}
			if got := rep.results(); !mapsEqual(got, tc.want) {
				t.Errorf("results %v, want %v", got, tc.want)
			}
			wantOrder := []string{"a", "b", "c"}
			if tc.on != nil {
				wantOrder = []string{"b", "a", "c"}
			}
			if got := rep.order(); !slices.Equal(got, wantOrder) {
				t.Errorf("report order %v, want %v", got, wantOrder)
			}
			f.onGeneration(t, tc.gen)
			for _, h := range rep.Hosts {
				activations := f.Activations(h.Name)[len(before[h.Name]):]
				var want []string
				switch h.Result {
				case D:
					want = []string{f.paths[h.Name][2] + " switch"}
					if h.OldPath != f.paths[h.Name][1] || h.NewPath != f.paths[h.Name][2] {
						t.Errorf("%s: old %s new %s, want generation 1 and 2", h.Name, h.OldPath, h.NewPath)
					}
				case R:
					want = []string{f.paths[h.Name][2] + " switch", f.paths[h.Name][1] + " switch"}
					if h.Error == "" {
						t.Errorf("%s rolled back without an error saying why", h.Name)
					}
				case F, S:
					// untouched
				}
				if !slices.Equal(activations, want) {
					t.Errorf("%s activations %q, want %q", h.Name, activations, want)
				}
			}
		})
	}
}

func mapsEqual(a, b map[string]deploy.Result) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestFaultMessages(t *testing.T) {
	f := newTestFleet(t, true)
	f.next("a", fleettest.Spec{Unhealthy: true})
	rep, _ := f.run(t, deploy.Options{}, nil, false)
	byName := map[string]string{}
	for _, h := range rep.Hosts {
		byName[h.Name] = h.Error
	}
	if want := "cannot reach fleet-down: ssh: connect to host 127.0.0.1 port"; !strings.Contains(byName["b"], want) || !strings.Contains(byName["b"], "Connection refused") {
		t.Errorf("b's error %q, want it to contain %q and Connection refused", byName["b"], want)
	}
	if want := "host unhealthy: app: exit status 1: a generation 2 is unhealthy"; !strings.Contains(byName["a"], want) {
		t.Errorf("a's error %q, want it to contain %q", byName["a"], want)
	}
	// Progress: nix's build output and each step, prefixed by the host.
	for _, want := range []string{
		"a: building on local\n", "b: building on local\n",
		"a: switch-to-configuration switch (" + f.paths["a"][2] + ")\n",
		"a: rolling back to " + f.paths["a"][1] + "\n",
		"a: switch-to-configuration switch (" + f.paths["a"][1] + ")\n",
		"c: switch-to-configuration switch (" + f.paths["c"][2] + ")\n",
	} {
		if !strings.Contains(f.progress, want) {
			t.Errorf("progress lacks %q:\n%s", want, f.progress)
		}
	}
}

func TestUnchangedForceDryRun(t *testing.T) {
	f := newTestFleet(t, false)
	f.next("", fleettest.Spec{})

	rep, code := f.run(t, deploy.Options{DryRun: true}, nil, false)
	if code != 0 || !mapsEqual(rep.results(), map[string]deploy.Result{"a": deploy.Planned, "b": deploy.Planned, "c": deploy.Planned}) {
		t.Fatalf("dry run: exit %d, results %v; want 0, all planned", code, rep.results())
	}
	f.onGeneration(t, map[string]int{"a": 1, "b": 1, "c": 1})
	for _, h := range hosts {
		if n := len(f.Activations(h)); n != 1 {
			t.Errorf("dry run: %s activated %d times since install, want 0", h, n-1)
		}
	}

	rep, code = f.run(t, deploy.Options{}, nil, false)
	if code != 0 || !mapsEqual(rep.results(), map[string]deploy.Result{"a": deploy.Deployed, "b": deploy.Deployed, "c": deploy.Deployed}) {
		t.Logf("%+v", rep.Hosts)
		t.Fatalf("deploy: exit %d, results %v; want 0, all deployed", code, rep.results())
	}
	f.onGeneration(t, map[string]int{"a": 2, "b": 2, "c": 2})

	rep, code = f.run(t, deploy.Options{}, []string{"a,b"}, false)
	if code != 0 || !mapsEqual(rep.results(), map[string]deploy.Result{"a": deploy.Unchanged, "b": deploy.Unchanged}) {
		t.Fatalf("redeploy: exit %d, results %v; want 0, a and b unchanged", code, rep.results())
	}
	if n := len(f.Activations("a")); n != 2 {
		t.Errorf("unchanged host activated again: %d activations, want 2", n)
	}

	rep, code = f.run(t, deploy.Options{Force: true}, []string{"a"}, false)
	if code != 0 || !mapsEqual(rep.results(), map[string]deploy.Result{"a": deploy.Deployed}) {
		t.Fatalf("--force: exit %d, results %v; want 0, a deployed", code, rep.results())
	}
	if got := f.Activations("a"); len(got) != 3 || got[2] != f.paths["a"][2]+" switch" {
		t.Errorf("--force activations %q, want a third switch to generation 2", got)
	}
}

func TestModes(t *testing.T) {
	f := newTestFleet(t, false)
	f.next("", fleettest.Spec{})

	// test: activated now, profile untouched.
	rep, code := f.run(t, deploy.Options{Mode: "test"}, []string{"a"}, false)
	if code != 0 || rep.Hosts[0].Result != deploy.Deployed {
		t.Fatalf("--mode test: exit %d, %v", code, rep.results())
	}
	if f.Running("a") != f.paths["a"][2] || f.ProfilePath("a") != f.paths["a"][1] {
		t.Errorf("--mode test: runs %s, profile %s; want generation 2 running, profile on 1", f.Running("a"), f.ProfilePath("a"))
	}

	// boot: profile set, running system untouched.
	rep, code = f.run(t, deploy.Options{Mode: "boot"}, []string{"b"}, false)
	if code != 0 || rep.Hosts[0].Result != deploy.Deployed {
		t.Fatalf("--mode boot: exit %d, %v", code, rep.results())
	}
	if f.Running("b") != f.paths["b"][1] || f.ProfilePath("b") != f.paths["b"][2] {
		t.Errorf("--mode boot: runs %s, profile %s; want generation 1 running, profile on 2", f.Running("b"), f.ProfilePath("b"))
	}
	if got := f.Activations("b"); got[len(got)-1] != f.paths["b"][2]+" boot" {
		t.Errorf("--mode boot: last activation %q", got[len(got)-1])
	}

	// dry-activate: nothing changes but the activation is run.
	rep, code = f.run(t, deploy.Options{Mode: "dry-activate"}, []string{"c"}, false)
	if code != 0 || rep.Hosts[0].Result != deploy.Deployed {
		t.Fatalf("--mode dry-activate: exit %d, %v", code, rep.results())
	}
	if f.Running("c") != f.paths["c"][1] || f.ProfilePath("c") != f.paths["c"][1] {
		t.Errorf("--mode dry-activate changed c: runs %s, profile %s", f.Running("c"), f.ProfilePath("c"))
	}
}

func TestRollback(t *testing.T) {
	f := newTestFleet(t, false)
	f.next("", fleettest.Spec{})
	if _, code := f.run(t, deploy.Options{}, nil, false); code != 0 {
		t.Fatalf("deploy: exit %d", code)
	}
	f.onGeneration(t, map[string]int{"a": 2, "b": 2, "c": 2})

	rep, code := f.run(t, deploy.Options{}, []string{"a,b"}, true)
	if code != 0 || !mapsEqual(rep.results(), map[string]deploy.Result{"a": deploy.Deployed, "b": deploy.Deployed}) {
		t.Fatalf("rollback: exit %d, results %v; want 0, a and b deployed", code, rep.results())
	}
	f.onGeneration(t, map[string]int{"a": 1, "b": 1, "c": 2})
	if h := rep.Hosts[0]; h.OldPath != f.paths["a"][2] || h.NewPath != f.paths["a"][1] {
		t.Errorf("rollback of a: old %s new %s; want generation 2 → 1", h.OldPath, h.NewPath)
	}

	// Generation 1 has no generation before it.
	rep, code = f.run(t, deploy.Options{}, []string{"a"}, true)
	if code != gate.ExitFailed || rep.Hosts[0].Result != deploy.Failed || !strings.Contains(rep.Hosts[0].Error, "has no generation before 1") {
		t.Errorf("rollback past the first generation: exit %d, %+v", code, rep.Hosts[0])
	}
	f.onGeneration(t, map[string]int{"a": 1, "b": 1, "c": 2})
}

// TestRollbackFailure: rolling back to a generation whose activation
// fails puts the host back on the one it ran.
func TestRollbackFailure(t *testing.T) {
	f := newTestFleet(t, false)
	// Generation 1 as installed works; install a broken generation 2 and
	// a good generation 3 by hand, so rollback from 3 lands on 2.
	f.Set("a", fleettest.Spec{Generation: 2, FailActivation: true})
	broken := f.Build("a")
	f.Set("a", fleettest.Spec{Generation: 3})
	good := f.Build("a")
	f.SetProfile("a", broken)
	f.Activate("a", good)
	rep, code := f.run(t, deploy.Options{}, []string{"a"}, true)
	if code != gate.ExitFailed || rep.Hosts[0].Result != deploy.RolledBack {
		t.Fatalf("rollback onto a broken generation: exit %d, %+v", code, rep.Hosts[0])
	}
	if f.Running("a") != good || f.ProfilePath("a") != good {
		t.Errorf("a runs %s, profile %s; want both back on %s", f.Running("a"), f.ProfilePath("a"), good)
	}
}

// TestBuildOnTarget builds b's system on b (over ssh): the derivation is
// copied there and realised by the host's nix-store.
func TestBuildOnTarget(t *testing.T) {
	f := newTestFleet(t, false)
	srvCfg := f.readConfig(t)
	b := srvCfg.Hosts["b"]
	b.BuildOn = "target"
	srvCfg.Hosts["b"] = b
	f.WriteConfig(srvCfg)
	f.next("", fleettest.Spec{})
	rep, code := f.run(t, deploy.Options{}, []string{"b"}, false)
	if code != 0 || rep.Hosts[0].Result != deploy.Deployed || rep.Hosts[0].NewPath != f.paths["b"][2] {
		t.Fatalf("build on target: exit %d, %+v", code, rep.Hosts[0])
	}
	if f.Running("b") != f.paths["b"][2] {
		t.Errorf("b runs %s, want %s", f.Running("b"), f.paths["b"][2])
	}
	for _, l := range rep.Hosts[0].Log {
		if strings.HasPrefix(l, "copied the closure") {
			t.Errorf("a system built on the target was copied: %q", rep.Hosts[0].Log)
		}
	}

	// A failing build on the target stops the deploy like a local one.
	f.Set("b", fleettest.Spec{Generation: 3, FailBuild: true})
	rep, code = f.run(t, deploy.Options{}, nil, false)
	if code != gate.ExitFailed || !mapsEqual(rep.results(), map[string]deploy.Result{"a": deploy.Skipped, "b": deploy.Failed, "c": deploy.Skipped}) {
		t.Fatalf("failing build on target: exit %d, %v", code, rep.results())
	}
	if !strings.Contains(rep.Hosts[1].Error, "building on fleet-ssh") || !strings.Contains(rep.Hosts[1].Error, "b generation 3 is broken") {
		t.Errorf("b's error: %s", rep.Hosts[1].Error)
	}
}

// readConfig loads the fleet's .nixaudit.toml.
func (f *testFleet) readConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Load(filepath.Join(f.Dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}
