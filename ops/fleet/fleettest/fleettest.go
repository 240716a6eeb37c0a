// Package fleettest sets up nixaudit's test fleet (testdata/ops/fleet) in
// a temporary directory: a flake whose hosts' toplevels real Nix builds
// offline, with per-host state directories standing in for the hosts'
// /run/current-system and system profile. A host's generation and
// injected faults (a failing build, activation or health check) are set
// per host and written to the flake's fleet.json.
package fleettest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/nixaudit/nixaudit/config"
)

// Spec is a host's generation and the faults it is built with.
type Spec struct {
	Generation     int  `json:"generation"`
	FailBuild      bool `json:"failBuild,omitempty"`
	FailActivation bool `json:"failActivation,omitempty"`
	Unhealthy      bool `json:"unhealthy,omitempty"`
}

// Fleet is the test fleet in a temporary directory.
type Fleet struct {
	t testing.TB
	// Dir is the flake's directory; State the parent of the hosts' state
	// directories.
	Dir, State string
	specs      map[string]Spec
}

// New copies the test flake into a temporary directory with the hosts of
// specs, and sets NIX_CONFIG so Nix never waits for a binary cache. A
// missing nix fails the test: CI installs it.
func New(t testing.TB, specs map[string]Spec) *Fleet {
	t.Helper()
	for _, tool := range []string{"nix", "nix-env"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install nix-bin (CI does)", tool)
		}
	}
	t.Setenv("NIX_CONFIG", "substituters =")
	root := t.TempDir()
	f := &Fleet{t: t, Dir: filepath.Join(root, "flake"), State: filepath.Join(root, "hosts"), specs: map[string]Spec{}}
	mkdir(t, f.Dir)
	for _, name := range []string{"flake.nix", "flake.lock", "build.sh"} {
		b, err := os.ReadFile(filepath.Join(testdata(), name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(f.Dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, spec := range specs {
		mkdir(t, f.StateDir(name))
		f.specs[name] = spec
	}
	f.write()
	return f
}

// testdata is the directory of the test flake.
func testdata() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "testdata", "ops", "fleet")
}

// Set changes a host's spec (what the flake builds for it from now on).
func (f *Fleet) Set(name string, spec Spec) {
	f.specs[name] = spec
	f.write()
}

func (f *Fleet) write() {
	type host struct {
		State string `json:"state"`
		Spec
	}
	hosts := map[string]host{}
	for name, spec := range f.specs {
		hosts[name] = host{State: f.StateDir(name), Spec: spec}
	}
	b, err := json.MarshalIndent(map[string]any{"system": System(), "hosts": hosts}, "", "  ")
	if err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(f.Dir, "fleet.json"), b, 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// System is this machine's Nix system name.
func System() string {
	arch := map[string]string{"amd64": "x86_64", "arm64": "aarch64", "386": "i686"}[runtime.GOARCH]
	return arch + "-" + runtime.GOOS
}

// StateDir is the host's state directory; Profile and CurrentSystem its
// system profile and current-system link in it.
func (f *Fleet) StateDir(name string) string { return filepath.Join(f.State, name) }
func (f *Fleet) Profile(name string) string  { return filepath.Join(f.StateDir(name), "profile") }
func (f *Fleet) CurrentSystem(name string) string {
	return filepath.Join(f.StateDir(name), "current-system")
}

// Running is the store path the host's current-system points at, "" when
// it has none.
func (f *Fleet) Running(name string) string {
	p, err := filepath.EvalSymlinks(f.CurrentSystem(name))
	if err != nil {
		return ""
	}
	return p
}

// ProfilePath is the store path the host's profile holds, "" when none.
func (f *Fleet) ProfilePath(name string) string {
	p, err := filepath.EvalSymlinks(f.Profile(name))
	if err != nil {
		return ""
	}
	return p
}

// Activations lists the host's switch-to-configuration runs, "PATH MODE"
// each.
func (f *Fleet) Activations(name string) []string {
	b, err := os.ReadFile(filepath.Join(f.StateDir(name), "activations"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		f.t.Fatal(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// Build builds the host's toplevel as its spec now says and returns the
// store path.
func (f *Fleet) Build(name string) string {
	f.t.Helper()
	out := f.nix("build", "--no-link", "--json", f.Dir+"#nixosConfigurations."+name+".config.system.build.toplevel")
	var built []struct {
		Outputs map[string]string `json:"outputs"`
	}
	if err := json.Unmarshal(out, &built); err != nil || len(built) != 1 {
		f.t.Fatalf("nix build output %s: %v", out, err)
	}
	return built[0].Outputs["out"]
}

// Install puts the host on the system its spec now says, as a NixOS
// install would: the profile set and the system activated. It returns the
// system's store path.
func (f *Fleet) Install(name string) string {
	f.t.Helper()
	p := f.Build(name)
	f.Activate(name, p)
	return p
}

// Activate sets the host's profile to path and switches to it.
func (f *Fleet) Activate(name, path string) {
	f.t.Helper()
	f.SetProfile(name, path)
	run(f.t, path+"/bin/switch-to-configuration", "switch")
}

// SetProfile makes path the host's profile's new generation.
func (f *Fleet) SetProfile(name, path string) {
	f.t.Helper()
	run(f.t, "nix-env", "-p", f.Profile(name), "--set", path)
}

// Host is a [hosts.NAME] section reaching the host through target, with
// the test's profile and current-system, no built-in checks and the
// configured check "app" (the system's bin/check, failing for an
// unhealthy generation).
func (f *Fleet) Host(name, target string) config.Host {
	none := []string{}
	return config.Host{
		Target:        target,
		Profile:       f.Profile(name),
		CurrentSystem: f.CurrentSystem(name),
		BuiltinChecks: &none,
		Checks:        []config.Check{{Name: "app", Cmd: []string{f.CurrentSystem(name) + "/bin/check"}}},
	}
}

// WriteConfig writes cfg as the flake's .nixaudit.toml.
func (f *Fleet) WriteConfig(cfg *config.Config) {
	f.t.Helper()
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(cfg); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(f.Dir, config.FileName), b.Bytes(), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *Fleet) nix(args ...string) []byte {
	f.t.Helper()
	return run(f.t, "nix", append([]string{"--extra-experimental-features", "nix-command flakes"}, args...)...)
}

func run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

func mkdir(t testing.TB, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
