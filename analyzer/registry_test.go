package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/config"
)

// testRule returns a rule that reports nothing.
func testRule(name, category string, sev Severity) *Rule {
	return &Rule{Analyzer: &analysis.Analyzer{Name: name, Doc: name + " summary",
		Run: func(*analysis.Pass) (any, error) { return nil, nil }}, Category: category, Severity: sev}
}

var (
	ruleA     = testRule("a-rule", "style", SeverityWarning)
	ruleB     = testRule("b-rule", "style", SeverityInfo)
	ruleC     = testRule("c-rule", "syntax", SeverityError)
	testRules = []*Rule{ruleA, ruleB, ruleC}
)

func enabled(t *testing.T, cfg *config.Config, opts Options) string {
	t.Helper()
	act, err := selectRules(testRules, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, a := range act {
		parts = append(parts, a.Name+"="+a.severity.String())
	}
	return strings.Join(parts, " ")
}

func TestSelectRules(t *testing.T) {
	def := config.Default(".")
	for _, tc := range []struct {
		name  string
		rules map[string]string
		opts  Options
		want  string
	}{
		{"defaults", nil, Options{}, "a-rule=warning b-rule=info c-rule=error"},
		{"category off", map[string]string{"style": "off"}, Options{}, "c-rule=error"},
		{"rule beats category", map[string]string{"style": "off", "b-rule": "error"}, Options{}, "b-rule=error c-rule=error"},
		{"category beats all", map[string]string{"all": "info", "style": "warning"}, Options{}, "a-rule=warning b-rule=warning c-rule=error"},
		{"select", nil, Options{Select: []string{"syntax", "a-rule"}}, "a-rule=warning c-rule=error"},
		// The syntax rules always run, at error severity.
		{"all leaves syntax on", map[string]string{"all": "off"}, Options{}, "c-rule=error"},
		{"all leaves syntax at error", map[string]string{"all": "info"}, Options{}, "a-rule=info b-rule=info c-rule=error"},
		{"syntax at error is allowed", map[string]string{"syntax": "error", "c-rule": "error"}, Options{}, "a-rule=warning b-rule=info c-rule=error"},
		{"select keeps syntax", nil, Options{Select: []string{"a-rule"}}, "a-rule=warning c-rule=error"},
		{"select overrides off", map[string]string{"a-rule": "off"}, Options{Select: []string{"a-rule"}}, "a-rule=warning c-rule=error"},
		{"enable after off", map[string]string{"style": "off"}, Options{Enable: []string{"b-rule"}}, "b-rule=info c-rule=error"},
		{"disable all keeps syntax", nil, Options{Disable: []string{"all"}}, "c-rule=error"},
		{"disable wins over enable", nil, Options{Enable: []string{"all"}, Disable: []string{"style"}}, "c-rule=error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := *def
			cfg.Rules = tc.rules
			if got := enabled(t, &cfg, tc.opts); got != tc.want {
				t.Errorf("enabled = %q, want %q", got, tc.want)
			}
		})
	}
	for _, opts := range []Options{{Select: []string{"nope"}}, {Enable: []string{"nope"}}, {Disable: []string{"nope"}}} {
		if _, err := selectRules(testRules, def, opts); err == nil || !strings.Contains(err.Error(), `unknown rule or category "nope"`) {
			t.Errorf("%+v: err = %v", opts, err)
		}
	}
}

// TestSelectRulesSyntaxAlwaysOn checks that turning a syntax rule off or
// lowering its severity is refused: a configuration error naming the line,
// or a usage error for --disable.
func TestSelectRulesSyntaxAlwaysOn(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"[rules]\na-rule = \"off\"\nc-rule = \"off\"\n", `:3: rules.c-rule = "off": the syntax rules always run at error severity (they report what Nix rejects)`},
		{"[rules]\nsyntax = \"warning\"\n", `:2: rules.syntax = "warning": the syntax rules always run at error severity (they report what Nix rejects)`},
	} {
		cfg := loadTestConfig(t, tc.text)
		_, err := selectRules(testRules, cfg, Options{})
		if want := cfg.Path + tc.want; err == nil || err.Error() != want {
			t.Errorf("err = %v, want %s", err, want)
		}
	}
	for _, name := range []string{"c-rule", "syntax"} {
		_, err := selectRules(testRules, config.Default("."), Options{Disable: []string{"a-rule", name}})
		if want := "--disable " + name + ": the syntax rules always run (they report what Nix rejects)"; err == nil || err.Error() != want {
			t.Errorf("--disable %s: err = %v, want %s", name, err, want)
		}
	}
}

func loadTestConfig(t *testing.T, text string) *config.Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestSelectRulesUnknownInConfig(t *testing.T) {
	cfg := loadTestConfig(t, "[rules]\na-rule = \"off\"\nnope = \"off\"\n")
	_, err := selectRules(testRules, cfg, Options{})
	if want := cfg.Path + `:3: rules: unknown rule or category "nope"`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestSetRuleOptions(t *testing.T) {
	r := testRule("opt-rule", "style", SeverityWarning)
	skip := r.Flags.Bool("skip-top-level", false, "")
	names := r.Flags.String("names", "x", "")
	r.Flags.Int("max-age", 30, "")
	rules := []*Rule{r}

	cfg := loadTestConfig(t, "[rule-options.opt-rule]\nskip-top-level = true\nnames = [\"a\", \"b\"]\n")
	if err := setRuleOptions(rules, cfg); err != nil {
		t.Fatal(err)
	}
	if !*skip || *names != "a,b" {
		t.Errorf("options = %v, %q", *skip, *names)
	}
	// A later run without options gets the defaults back.
	if err := setRuleOptions(rules, config.Default(".")); err != nil {
		t.Fatal(err)
	}
	if *skip || *names != "x" {
		t.Errorf("options after reset = %v, %q", *skip, *names)
	}

	for _, tc := range []struct{ text, want string }{
		{"[rule-options.opt-rule]\nskip-top-level = true\nskip-it = 1\n", `:3: rule-options.opt-rule: unknown option "skip-it" (options: max-age, names, skip-top-level)`},
		{"[rule-options.opt-rule]\nskip-top-level = \"yes\"\n", `:2: rule-options.opt-rule.skip-top-level: want a boolean (true or false), got "yes"`},
		{"[rule-options.opt-rule]\nskip-top-level = 1\n", `:2: rule-options.opt-rule.skip-top-level: want a boolean (true or false), got 1`},
		{"[rule-options.opt-rule]\nmax-age = \"ten\"\n", `:2: rule-options.opt-rule.max-age: want an integer, got "ten"`},
		{"\n[rule-options.nope]\nx = 1\n", `:2: rule-options: unknown rule "nope"`},
	} {
		cfg := loadTestConfig(t, tc.text)
		err := setRuleOptions(rules, cfg)
		if err == nil || err.Error() != cfg.Path+tc.want {
			t.Errorf("err = %v, want %s", err, cfg.Path+tc.want)
		}
	}
}
