package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// nixSystem is the Nix system of this machine, for flakes evaluated in
// pure mode (where builtins.currentSystem is missing).
func nixSystem(t *testing.T) string {
	switch runtime.GOARCH {
	case "amd64":
		return "x86_64-linux"
	case "arm64":
		return "aarch64-linux"
	}
	t.Fatalf("no Nix system known for %s", runtime.GOARCH)
	return ""
}

func TestToplevel(t *testing.T) {
	if got := Toplevel("web-1"); got != ".#nixosConfigurations.web-1.config.system.build.toplevel" {
		t.Errorf("Toplevel(web-1) = %s", got)
	}
	if got := Toplevel("db.eu"); got != `.#nixosConfigurations."db.eu".config.system.build.toplevel` {
		t.Errorf("Toplevel(db.eu) = %s", got)
	}
	if got := Toplevel(`a"b`); got != `.#nixosConfigurations."a\"b".config.system.build.toplevel` {
		t.Errorf("Toplevel(a\"b) = %s", got)
	}
}

// fleetFlake is a flake whose hosts' toplevels are trivial derivations;
// host "broken" fails to build.
const fleetFlake = `{
  outputs = { self }: let
    sys = name: script: { config.system.build.toplevel = derivation {
      inherit name; system = "@system@"; builder = "/bin/sh"; args = [ "-c" script ];
    }; };
  in {
    nixosConfigurations = {
      web2 = sys "web2" "echo web2 > $out";
      web1 = sys "web1" "echo web1 > $out";
      "db.eu" = sys "db" "echo db > $out";
      broken = sys "broken" "echo cannot build >&2; exit 1";
    };
  };
}
`

func TestRealHostsAndBuilds(t *testing.T) {
	t.Setenv("NIX_CONFIG", "substituters =")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "flake.nix"), []byte(strings.ReplaceAll(fleetFlake, "@system@", nixSystem(t))), 0o644); err != nil {
		t.Fatal(err)
	}
	n := NewNix(&Runner{}, nil)
	ctx := context.Background()
	hosts, err := n.Hosts(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(hosts, []string{"broken", "db.eu", "web1", "web2"}) {
		t.Fatalf("hosts = %q", hosts)
	}
	paths, err := n.ToplevelPaths(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	results := n.BuildToplevels(ctx, dir, hosts, 2)
	for i, r := range results {
		if r.Host != hosts[i] {
			t.Errorf("result %d is for %s, want %s", i, r.Host, hosts[i])
		}
		if r.Host == "broken" {
			var e *Error
			if !errors.As(r.Err, &e) || !strings.Contains(r.Err.Error(), "cannot build") {
				t.Errorf("broken: err = %v, want the builder's stderr", r.Err)
			}
			continue
		}
		if r.Err != nil || r.OutPath != paths[r.Host] {
			t.Errorf("%s: out %q (evaluated %q), err %v", r.Host, r.OutPath, paths[r.Host], r.Err)
		}
	}
}
