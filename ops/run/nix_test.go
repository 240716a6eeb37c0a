package run

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseVersion(t *testing.T) {
	for in, want := range map[string]Version{
		"nix (Nix) 2.8.0\n":                  {2, 8, 0},
		"nix (Nix) 2.18.1pre20231010_abc\n":  {2, 18, 1},
		"nix (Determinate Nix 3.1.0) 2.26.3": {2, 26, 3},
		"nix (Nix) 2.24":                     {2, 24, 0},
	} {
		got, err := ParseVersion(in)
		if err != nil || got != want {
			t.Errorf("ParseVersion(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseVersion("command not found"); err == nil {
		t.Error("ParseVersion accepted garbage")
	}
}

func TestUpdateLockArgs(t *testing.T) {
	for _, tc := range []struct {
		v      Version
		inputs []string
		want   []string
	}{
		{Version{2, 8, 0}, nil, []string{"flake", "update"}},
		{Version{2, 8, 0}, []string{"a", "b"}, []string{"flake", "lock", "--update-input", "a", "--update-input", "b"}},
		{Version{2, 18, 9}, []string{"a"}, []string{"flake", "lock", "--update-input", "a"}},
		{Version{2, 19, 0}, []string{"a", "b"}, []string{"flake", "update", "a", "b"}},
		{Version{3, 0, 0}, nil, []string{"flake", "update"}},
	} {
		if got := UpdateLockArgs(tc.v, tc.inputs); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("UpdateLockArgs(%v, %q) = %q, want %q", tc.v, tc.inputs, got, tc.want)
		}
	}
}

func TestNixCmdAddsFeaturesAndOptions(t *testing.T) {
	n := NewNix(&Runner{}, []string{"--option", "substituters", ""})
	c := n.Cmd("/d", "build", ".#x")
	want := []string{"--extra-experimental-features", "nix-command flakes", "--option", "substituters", "", "build", ".#x"}
	if c.Name != "nix" || c.Dir != "/d" || !reflect.DeepEqual(c.Args, want) {
		t.Errorf("Cmd = %#v", c)
	}
	if got := c.String(); got != "nix --extra-experimental-features 'nix-command flakes' --option substituters '' build '.#x'" {
		t.Errorf("String() = %s", got)
	}
}

// The tests below run the installed Nix (CI installs Debian's nix-bin).

func TestRealNixVersion(t *testing.T) {
	v, err := NewNix(&Runner{}, nil).Version(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !v.AtLeast(2, 8) {
		t.Errorf("version %v, want at least 2.8", v)
	}
}

func TestRealNixBuildAndEval(t *testing.T) {
	t.Setenv("NIX_CONFIG", "substituters =")
	n := NewNix(&Runner{}, []string{"--option", "substituters", ""})
	ctx := context.Background()
	expr := `derivation { name = "runtest"; system = builtins.currentSystem; builder = "/bin/sh"; args = ["-c" "echo ok > $out"]; }`
	built, err := n.Build(ctx, t.TempDir(), "", "--impure", "--expr", expr)
	if err != nil {
		t.Fatal(err)
	}
	if len(built) != 1 || !strings.HasSuffix(built[0].Outputs["out"], "-runtest") || !strings.HasSuffix(built[0].DrvPath, "-runtest.drv") {
		t.Fatalf("built = %+v", built)
	}
	if data, err := os.ReadFile(built[0].Outputs["out"]); err != nil || string(data) != "ok\n" {
		t.Errorf("output = %q, %v", data, err)
	}

	dir := t.TempDir()
	flake := `{ outputs = { self }: { nixosConfigurations = { web2 = 1; web1 = 2; }; }; }`
	if err := os.WriteFile(filepath.Join(dir, "flake.nix"), []byte(flake), 0o644); err != nil {
		t.Fatal(err)
	}
	var names []string
	if err := n.EvalJSON(ctx, dir, "path:"+dir+"#nixosConfigurations", "builtins.attrNames", &names); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(names, []string{"web1", "web2"}) {
		t.Errorf("names = %q", names)
	}
	if err := n.EvalJSON(ctx, dir, "path:"+dir+"#nixosConfigurations", "", &names); err == nil || !strings.Contains(err.Error(), "reading its JSON output") {
		t.Errorf("decoding a set into []string: err = %v", err)
	}

	_, err = n.Build(ctx, dir, "", "--impure", "--expr", `throw "no such host"`)
	var e *Error
	if !errors.As(err, &e) || e.ExitCode != 1 || !strings.Contains(err.Error(), "error: no such host") {
		t.Errorf("failing build: err = %v", err)
	}
}

// fakeNix answers `nix --version` with version and records every other
// command.
type fakeNix struct {
	version string
	calls   [][]string
}

func (f *fakeNix) Run(_ context.Context, c Cmd) (*Result, error) {
	if len(c.Args) == 1 && c.Args[0] == "--version" {
		return &Result{Stdout: []byte(f.version)}, nil
	}
	f.calls = append(f.calls, c.Args)
	return &Result{}, nil
}

func TestUpdateLockFollowsTheNixVersion(t *testing.T) {
	for version, want := range map[string][]string{
		"nix (Nix) 2.8.0\n":  {"flake", "lock", "--update-input", "nixpkgs"},
		"nix (Nix) 2.24.9\n": {"flake", "update", "nixpkgs"},
	} {
		f := &fakeNix{version: version}
		n := NewNix(f, []string{"-L"})
		if err := n.UpdateLock(context.Background(), "/flake", []string{"nixpkgs"}); err != nil {
			t.Fatal(err)
		}
		full := append(append(append([]string{}, Features...), "-L"), want...)
		if len(f.calls) != 1 || !reflect.DeepEqual(f.calls[0], full) {
			t.Errorf("%s: calls %q, want %q", strings.TrimSpace(version), f.calls, full)
		}
	}
}
