package fleet_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/fleet/fleettest"
	"github.com/nixaudit/nixaudit/ops/run"
)

// loadConfig writes src as a .nixaudit.toml and loads it.
func loadConfig(t *testing.T, src string) *config.Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), ".nixaudit.toml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func names(hosts []fleet.Host) []string {
	var n []string
	for _, h := range hosts {
		n = append(n, h.Name)
	}
	return n
}

func TestSettings(t *testing.T) {
	cfg := loadConfig(t, `
[hosts.web1]
target = "root@web1.example.org"
tags = ["web", "eu"]
build-on = "target"
builtin-checks = ["memory", "reachable"]
[[hosts.web1.checks]]
name = "site"
http = "https://web1.example.org/healthz"
expect-status = 204
timeout = "3s"
[hosts.db1]
builtin-checks = []
`)
	f, err := fleet.New("/flake", []string{"web1", "db1", "web.eu"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(f.Hosts); !reflect.DeepEqual(got, []string{"db1", "web.eu", "web1"}) {
		t.Errorf("hosts %v, want sorted by name", got)
	}
	web1 := f.Host("web1")
	want := fleet.Host{
		Name: "web1", Target: "root@web1.example.org", Tags: []string{"web", "eu"}, BuildOn: "target",
		Profile: "/nix/var/nix/profiles/system", CurrentSystem: "/run/current-system",
		Builtin: []string{"reachable", "memory"},
		Checks:  []fleet.Check{{Name: "site", HTTP: "https://web1.example.org/healthz", ExpectStatus: 204, Timeout: 3e9}},
	}
	if !reflect.DeepEqual(*web1, want) {
		t.Errorf("web1 = %+v\nwant %+v", *web1, want)
	}
	if db1 := f.Host("db1"); db1.Target != "db1" || db1.BuildOn != "local" || len(db1.Builtin) != 0 {
		t.Errorf("db1 = %+v; want target db1, build-on local, no built-in checks", *db1)
	}
	if h := f.Host("web.eu"); !reflect.DeepEqual(h.Builtin, fleet.BuiltinChecks) {
		t.Errorf("web.eu's built-in checks %v, want all", h.Builtin)
	}
	if got, want := f.Toplevel("web.eu"), `/flake#nixosConfigurations."web.eu".config.system.build.toplevel`; got != want {
		t.Errorf("Toplevel = %s, want %s", got, want)
	}
	if got, want := f.Toplevel("web1"), `/flake#nixosConfigurations.web1.config.system.build.toplevel`; got != want {
		t.Errorf("Toplevel = %s, want %s", got, want)
	}
}

func TestSettingErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"[hosts.ghost]\ntarget = \"x\"\n", ":1: [hosts.ghost]: the flake has no nixosConfigurations.ghost"},
		{"[hosts.a]\nbuild-on = \"cloud\"\n", `:2: hosts.a.build-on = "cloud": want "local" or "target"`},
		{"[hosts.a]\ntarget = \"-oProxyCommand=x\"\n", `:2: hosts.a.target = "-oProxyCommand=x": not an ssh destination`},
		{"[hosts.a]\nbuiltin-checks = [\"cpu\"]\n", `:2: hosts.a.builtin-checks: unknown check "cpu": want some of reachable, systemd, disk, memory`},
		{"[[hosts.a.checks]]\nname = \"x\"\n", `hosts.a.checks[0]: check "x": set exactly one of cmd and http`},
		{"[[hosts.a.checks]]\nname = \"x\"\ncmd = [\"true\"]\nhttp = \"http://a\"\n", `hosts.a.checks[0]: check "x": set exactly one of cmd and http`},
		{"[[hosts.a.checks]]\ncmd = [\"true\"]\n", `hosts.a.checks[0]: name is required`},
		{"[[hosts.a.checks]]\nname = \"x\"\ncmd = [\"true\"]\nexpect-status = 200\n", `check "x": expect-status is only for http checks`},
		{"[[hosts.a.checks]]\nname = \"x\"\ncmd = [\"true\"]\ntimeout = \"soon\"\n", `check "x": timeout = "soon": want a positive Go duration`},
	} {
		_, err := fleet.New("/flake", []string{"a"}, loadConfig(t, tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestSelect(t *testing.T) {
	cfg := loadConfig(t, `
[hosts.web1]
tags = ["web"]
[hosts.web2]
tags = ["web", "eu"]
[hosts.db1]
tags = ["eu"]
`)
	f, err := fleet.New("/flake", []string{"web2", "db1", "web1", "cache"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		on   []string
		all  bool
		want []string
		err  string
	}{
		{all: true, want: []string{"cache", "db1", "web1", "web2"}},
		{on: []string{"web2,db1"}, want: []string{"web2", "db1"}},
		{on: []string{"db1", "@web"}, want: []string{"db1", "web1", "web2"}},
		{on: []string{"@eu,web*"}, want: []string{"db1", "web2", "web1"}},
		{on: []string{"web1,web1, web1"}, want: []string{"web1"}},
		{on: []string{"c?che"}, want: []string{"cache"}},
		{err: "the flake has 4 hosts (cache, db1, web1, web2): choose with --on NAME,@tag,glob or pass --all"},
		{on: []string{"web9"}, err: "--on web9: no such host (hosts: cache, db1, web1, web2)"},
		{on: []string{"@us"}, err: "--on @us: no such host"},
		{on: []string{"[x"}, err: "--on [x: syntax error in pattern"},
		{on: []string{"web1"}, all: true, err: "--on and --all exclude each other"},
	} {
		got, err := f.Select(tc.on, tc.all)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Select(%q, %v): err = %v, want %q", tc.on, tc.all, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(names(got), tc.want) {
			t.Errorf("Select(%q, %v) = %v, %v; want %v", tc.on, tc.all, names(got), err, tc.want)
		}
	}

	one, err := fleet.New("/flake", []string{"solo"}, config.Default("/"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := one.Select(nil, false); err != nil || !reflect.DeepEqual(names(got), []string{"solo"}) {
		t.Errorf("a single host needs no --all: %v, %v", names(got), err)
	}
	none, _ := fleet.New("/flake", nil, config.Default("/"))
	if _, err := none.Select(nil, true); err != fleet.ErrNoHosts {
		t.Errorf("no hosts: err = %v, want ErrNoHosts", err)
	}
}

// TestLoad lists the hosts of the test flake with real nix.
func TestLoad(t *testing.T) {
	tf := fleettest.New(t, map[string]fleettest.Spec{"b": {Generation: 1}, "a": {Generation: 1}})
	cfg := config.Default(tf.Dir)
	f, err := fleet.Load(context.Background(), run.NewNix(&run.Runner{}, nil), tf.Dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if f.Flake != tf.Dir || !reflect.DeepEqual(names(f.Hosts), []string{"a", "b"}) {
		t.Errorf("Load = %s %v; want %s [a b]", f.Flake, names(f.Hosts), tf.Dir)
	}
	if _, err := fleet.Load(context.Background(), run.NewNix(&run.Runner{}, nil), t.TempDir(), cfg); err == nil || !strings.Contains(err.Error(), "listing the flake's nixosConfigurations") {
		t.Errorf("Load of a directory without a flake: err = %v", err)
	}
}
