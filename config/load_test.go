package config

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func writeConfig(t *testing.T, dir, text string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadValid(t *testing.T) {
	dir := t.TempDir()
	p := writeConfig(t, dir, `fail-on = "warning"
exclude = ["vendor/**"]

[rules]
url-literal = "off"
style = "info"

[rule-options.unused-formal]
skip-top-level = true

[hosts.web]
target = "root@web"
tags = ["prod"]
`)
	cfg, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.FailOn != "warning" || cfg.Dir != dir || cfg.Path != p {
		t.Errorf("FailOn, Dir, Path = %q, %q, %q", cfg.FailOn, cfg.Dir, cfg.Path)
	}
	if !reflect.DeepEqual(cfg.Exclude, []string{"vendor/**"}) {
		t.Errorf("Exclude = %q", cfg.Exclude)
	}
	if !reflect.DeepEqual(cfg.Rules, map[string]string{"url-literal": "off", "style": "info"}) {
		t.Errorf("Rules = %v", cfg.Rules)
	}
	if got := cfg.RuleOptions["unused-formal"]["skip-top-level"]; got != true {
		t.Errorf("rule-options = %v", cfg.RuleOptions)
	}
	if h := cfg.Hosts["web"]; h.Target != "root@web" || !reflect.DeepEqual(h.Tags, []string{"prod"}) {
		t.Errorf("hosts.web = %+v", h)
	}
}

func TestLoadDefaultsFailOn(t *testing.T) {
	cfg, err := Load(writeConfig(t, t.TempDir(), "exclude = []\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.FailOn != "error" {
		t.Errorf("FailOn = %q, want error", cfg.FailOn)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"unknown top-level key", "fail-on = \"error\"\n\nbogus = 1\n", ":3: unknown key bogus"},
		{"unknown table", "[rules]\nx = \"off\"\n[nixx]\noptions = []\n", ":3: unknown key nixx"},
		{"unknown key in a host", "[hosts.web]\ntarget = \"a\"\n  port = 22\n", ":3: unknown key hosts.web.port"},
		{"unknown key in a dotted table", "[hosts]\nweb.target = \"a\"\nweb.colour = \"b\"\n", ":3: unknown key hosts.web.colour"},
		{"broken TOML", "fail-on = \"error\"\nexclude = [\n", ":2: unexpected EOF"},
		{"missing value", "fail-on = \n", ":1: "},
		{"wrong type", "\nfail-on = 3\n", ":2: fail-on: incompatible types: TOML value has type int64; destination has type string"},
		{"bad fail-on", "# c\nfail-on = \"sometimes\"\n", `:2: fail-on = "sometimes": want one of error, warning, info, none`},
		{"bad rule level", "[rules]\n\"url-literal\" = \"loud\"\n", `:2: rules.url-literal = "loud": want one of off, error, warning, info`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeConfig(t, t.TempDir(), tc.text)
			_, err := Load(p)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); len(got) < len(p)+len(tc.want) || got[:len(p)+len(tc.want)] != p+tc.want {
				t.Errorf("error = %q, want prefix %q", got, p+tc.want)
			}
		})
	}
}

// TestLoadErrorSuggestions checks the key an unknown one was probably
// meant to be, found among the keys of its table.
func TestLoadErrorSuggestions(t *testing.T) {
	for text, want := range map[string]string{
		"fail_on = \"error\"\n":                             ":1: unknown key fail_on (did you mean fail-on?)",
		"[rules]\nx = \"off\"\n[nixx]\noptions = []\n":      ":3: unknown key nixx (did you mean nix?)",
		"[deploy]\nmax_parallel = 2\n":                      ":2: unknown key deploy.max_parallel (did you mean max-parallel?)",
		"[hosts.web]\n[[hosts.web.checks]]\nnaem = \"x\"\n": ":3: unknown key hosts.web.checks.naem (did you mean name?)",
		"bogus = 1\n": ":1: unknown key bogus",
		"[rule-options.x]\n[hosts]\nweb = { colour = 1 }\n": ":3: unknown key hosts.web.colour",
	} {
		p := writeConfig(t, t.TempDir(), text)
		if _, err := Load(p); err == nil || err.Error() != p+want {
			t.Errorf("%q: error %v, want %q", text, err, p+want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" && filepath.Dir(got) != "/" {
		// A stray /.nixaudit.toml on the machine would be found; nothing else may be.
		t.Fatalf("Find without config = %q, %v", got, err)
	}
	p := writeConfig(t, filepath.Join(root, "a"), "")
	got, err := Find(deep)
	if err != nil || got != p {
		t.Errorf("Find = %q, %v; want %q", got, err, p)
	}
}

func TestOpen(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg, err := Open(deep, "")
	if err != nil || cfg.Path != "" || cfg.Dir != deep {
		t.Fatalf("Open without config = %+v, %v; want the defaults for %s", cfg, err, deep)
	}
	found := writeConfig(t, filepath.Join(root, "a"), "fail-on = \"warning\"\n")
	if cfg, err = Open(deep, ""); err != nil || cfg.Path != found || cfg.FailOn != "warning" {
		t.Errorf("Open found %+v, %v; want %s", cfg, err, found)
	}
	explicit := writeConfig(t, deep, "fail-on = \"info\"\n")
	if cfg, err = Open(root, explicit); err != nil || cfg.Path != explicit || cfg.FailOn != "info" {
		t.Errorf("Open(explicit) = %+v, %v", cfg, err)
	}
	if _, err = Open(root, filepath.Join(root, "missing.toml")); err == nil {
		t.Error("Open of a missing explicit file succeeded")
	}
}

func TestKeyLine(t *testing.T) {
	src := []byte(`# comment
a = """
b = 1
"""
[t]
"q.k" = 1
x.y = { z = 1 }
`)
	for _, tc := range []struct {
		key  []string
		want int
	}{
		{[]string{"a"}, 2},
		{[]string{"b"}, 0},
		{[]string{"t"}, 5},
		{[]string{"t", "q.k"}, 6},
		{[]string{"t", "x", "y", "z"}, 7},
	} {
		if got := keyLine(src, tc.key); got != tc.want {
			t.Errorf("keyLine(%q) = %d, want %d", tc.key, got, tc.want)
		}
	}
}
