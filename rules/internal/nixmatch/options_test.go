package nixmatch_test

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// load parses and binds testdata/name, failing on syntax errors.
func load(t *testing.T, name string) (*token.FileSet, *nixpass.File) {
	t.Helper()
	path := filepath.Join("testdata", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f := nixpass.Load(fset, path, src)
	for _, e := range f.Errors {
		t.Fatalf("%s: %s", fset.Position(e.Pos), e.Msg)
	}
	return fset, f
}

// render lists defs one per line: position of the key, path, value text
// and a "?" for conditional definitions.
func render(fset *token.FileSet, f *nixpass.File, defs []nixmatch.OptionDef) string {
	var b strings.Builder
	for _, d := range defs {
		p := fset.Position(d.Key.Pos())
		v := "<inherited>"
		if d.Value != nil {
			v = f.Text(d.Value)
			if len(v) > 20 {
				v = v[:20] + "…"
			}
		}
		cond := ""
		if d.Conditional {
			cond = " ?"
		}
		fmt.Fprintf(&b, "%d:%d %s = %s%s\n", p.Line, p.Column, strings.Join(d.Path, "."), v, cond)
	}
	return b.String()
}

func TestOptionsModule(t *testing.T) {
	fset, f := load(t, "module.nix")
	got := render(fset, f, nixmatch.Options(f))
	want := `9:18 networking.hostName = "inline"
10:35 environment.systemPackages = [ pkgs.git ]
17:24 services.openssh.enable = true
18:24 services.openssh.settings = {
        PermitRoot…
19:9 services.openssh.settings.PermitRootLogin = "yes"
20:9 services.openssh.settings.PasswordAuthentication = false
24:18 networking.firewall = {
        enable = m… ?
25:9 networking.firewall.enable = false ?
26:9 networking.firewall.allowedTCPPorts = [ 22 ] ?
27:14 networking.firewall.checkReversePath = false ?
28:13 users.users = {
        alice.pass… ?
29:15 users.users.alice.password = "hunter2" ?
30:21 users.users.${cfg.user}.isNormalUser = true ?
32:29 systemd.services.demo.serviceConfig = {
        inherit (c… ?
33:23 systemd.services.demo.serviceConfig.User = <inherited> ?
34:9 systemd.services.demo.serviceConfig.ExecStart = "${pkgs.hello}/bin/h… ?
`
	if got != want {
		t.Errorf("Options:\n%s\nwant:\n%s", got, want)
	}
	if n := len(nixmatch.Modules(f)); n != 3 {
		t.Errorf("Modules: got %d, want 3 (file, two inline imports)", n)
	}
}

func TestOptionsFlakeModulesList(t *testing.T) {
	fset, f := load(t, "flake.nix")
	got := render(fset, f, nixmatch.Options(f))
	want := "9:25 security.sudo.wheelNeedsPassword = false\n" +
		"10:30 home-manager.users.alice = { pkgs, ... }: {\n   …\n" +
		"11:26 home-manager.users.alice.programs.git.enable = true\n" +
		"14:33 services.openssh.enable = true\n"
	if got != want {
		t.Errorf("Options:\n%q\nwant:\n%q", got, want)
	}
}

func TestFindUnderGroup(t *testing.T) {
	fset, f := load(t, "module.nix")
	defs := nixmatch.Options(f)
	cases := []struct {
		pattern string
		find    func([]nixmatch.OptionDef, string) []nixmatch.OptionDef
		want    string
	}{
		{"services.openssh.settings.PermitRootLogin", nixmatch.Find, "19:9"},
		{"users.users.*.password", nixmatch.Find, "29:15"},
		{"users.users.*.isNormalUser", nixmatch.Find, "30:21"},
		{"networking.firewall.enable", nixmatch.Find, "25:9"},
		{"systemd.services.*.serviceConfig", nixmatch.Find, "32:29"},
		{"systemd.services.*.serviceConfig.*", nixmatch.Find, "33:23 34:9"},
		{"systemd.services.*", nixmatch.Under, "32:29 33:23 34:9"},
		{"services.openssh.settings.Port", nixmatch.Find, ""},
		{"services.openssh", nixmatch.Find, ""},
	}
	for _, c := range cases {
		var pos []string
		for _, d := range c.find(defs, c.pattern) {
			p := fset.Position(d.Key.Pos())
			pos = append(pos, fmt.Sprintf("%d:%d", p.Line, p.Column))
		}
		if got := strings.Join(pos, " "); got != c.want {
			t.Errorf("%s: got %q, want %q", c.pattern, got, c.want)
		}
	}
	groups := nixmatch.Group(nixmatch.Under(defs, "services.openssh"), 3)
	if len(groups) != 2 || len(groups[0]) != 1 || len(groups[1]) != 3 {
		t.Errorf("Group: got %d groups, want [enable] and [settings, PermitRootLogin, PasswordAuthentication]", len(groups))
	}
}

func loadSrc(t *testing.T, src string) *nixpass.File {
	t.Helper()
	fset := token.NewFileSet()
	f := nixpass.Load(fset, "test.nix", []byte(src))
	for _, e := range f.Errors {
		t.Fatalf("%s: %s", fset.Position(e.Pos), e.Msg)
	}
	return f
}

// TestOptionsMalformedWrappers checks that wrappers with unexpected
// arguments are values like any other (and do not loop).
func TestOptionsMalformedWrappers(t *testing.T) {
	f := loadSrc(t, `{ lib, ... }: {
  a = lib.mkIf true;
  b = let x = 1; in lib.mkMerge x;
  c = lib.optionalAttrs true;
  d = let y = 2; in lib.mkIf true { e = y; };
}`)
	if s := optionPaths(f); s != "a b c d d.e" {
		t.Errorf("paths: %s", s)
	}
}

// TestOptionsNeverApplied checks that definitions under mkIf false or
// optionalAttrs false, which define nothing, are left out.
func TestOptionsNeverApplied(t *testing.T) {
	fset, f := load(t, "never.nix")
	got := render(fset, f, nixmatch.Options(f))
	want := "7:12 services.d = { port = 1; }\n" +
		"7:68 services.d.port = 1\n" +
		"8:12 services.e = let x = 1; in lib.mk…\n" +
		"9:14 services.f.enable = false ?\n"
	if got != want {
		t.Errorf("Options:\n%q\nwant:\n%q", got, want)
	}
}

// TestOptionsParenthesizedWrappers checks that wrappers are recognised
// in parentheses (values that are calls only once unparenthesized) and
// under quoted keys.
func TestOptionsParenthesizedWrappers(t *testing.T) {
	f := loadSrc(t, `{ lib, c, ... }: {
  a = (lib.mkIf c (lib.mkForce 1));
  "b" = ((lib.mkMerge [ { x = 1; } ]));
  c.${"d"} = (lib.mkIf false 2);
  e = (lib.optionalAttrs c { f = 3; });
}`)
	var got []string
	for _, d := range nixmatch.Options(f) {
		s := strings.Join(d.Path, ".") + "=" + f.Text(d.Value)
		if d.Conditional {
			s += "?"
		}
		got = append(got, s)
	}
	if s, want := strings.Join(got, " "), "a=1? b={ x = 1; } b.x=1 e={ f = 3; }? e.f=3?"; s != want {
		t.Errorf("definitions: %s\nwant:        %s", s, want)
	}
}

// TestOptionsModulesArguments checks that the modules lists of calls are
// found whether a call is written in one piece or several, and that
// options and config keys, plain or quoted, make a module structured.
func TestOptionsModulesArguments(t *testing.T) {
	f := loadSrc(t, `{ lib }: [
  (lib.evalModules { modules = [ { a = 1; } ]; })
  ((import ./x.nix { }) { modules = [ { b = 2; } ]; })
  (lib.evalModules { modules = [ { options.c = 3; config.d = 4; } { "options".e = 5; "config".g = 6; } ]; })
]`)
	if s := optionPaths(f); s != "a b d g" {
		t.Errorf("paths: %s, want a b d g", s)
	}
}

// TestOptionsBelowValues checks that the definitions inside values are
// found through every expression that may hold them: updates, let,
// with, assert, wrappers under a scope and submodule functions.
func TestOptionsBelowValues(t *testing.T) {
	f := loadSrc(t, `{ lib, c, ... }: {
  a = { x = 1; } // { y = 2; };
  b = let v = 1; in { z = v; };
  d = with lib; { w = 1; };
  e = assert c; { q = 1; };
  f = let v = 1; in lib.mkIf c { r = v; };
  g = "leaf";
  home-manager.users.alice = { pkgs, ... }: { s = 1; };
}`)
	var got []string
	for _, d := range nixmatch.Options(f) {
		s := strings.Join(d.Path, ".")
		if d.Conditional {
			s += "?"
		}
		got = append(got, s)
	}
	want := "a a.x a.y b b.z d d.w e e.q f f.r? g home-manager.users.alice home-manager.users.alice.s"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("paths: %s\nwant:  %s", s, want)
	}
}

// optionPaths lists the paths of the file's definitions, dotted and
// separated by spaces.
func optionPaths(f *nixpass.File) string {
	var paths []string
	for _, d := range nixmatch.Options(f) {
		paths = append(paths, strings.Join(d.Path, "."))
	}
	return strings.Join(paths, " ")
}
