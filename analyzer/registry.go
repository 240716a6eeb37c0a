package analyzer

import (
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/nixaudit/nixaudit/config"
)

// active is a rule enabled for a run, at its effective severity.
type active struct {
	*Rule
	severity Severity
	// configured is set when [rules] gives the severity; it then also
	// overrides the severities of single diagnostics (WithSeverity).
	configured bool
}

// Lookup returns the rules a name denotes: "all", a category or a rule.
func Lookup(rules []*Rule, name string) ([]*Rule, error) {
	var out []*Rule
	for _, r := range rules {
		if name == "all" || r.Name == name || r.Category == name {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("unknown rule or category %q%s", name, didYouMean(rules, name, true))
	}
	return out, nil
}

// LookupAll returns the rules the names denote (see Lookup), each once, in
// the order of rules.
func LookupAll(rules []*Rule, names []string) ([]*Rule, error) {
	want := map[*Rule]bool{}
	for _, name := range names {
		named, err := Lookup(rules, name)
		if err != nil {
			return nil, err
		}
		for _, r := range named {
			want[r] = true
		}
	}
	var out []*Rule
	for _, r := range rules {
		if want[r] {
			out = append(out, r)
		}
	}
	return out, nil
}

// alwaysOn reports whether r is a syntax rule. What Nix itself rejects is
// reported in every run, at error severity: --select and "all" leave
// these rules on, and turning one off or lowering it is refused, so a file
// Nix cannot read never passes the audit gate of the fleet operations.
func alwaysOn(r *Rule) bool { return r.Category == syntaxCategory }

// syntaxCategory is the category of what Nix itself rejects.
const syntaxCategory = "syntax"

// selectRules returns the rules a run enables, sorted by name: every rule
// at its default severity, then the configuration's [rules] ("all" first,
// then categories, then rules, so the most specific wins), then --select,
// --enable and --disable; the syntax rules stay on (see alwaysOn).
func selectRules(rules []*Rule, cfg *config.Config, opts Options) ([]active, error) {
	severity := make(map[*Rule]Severity, len(rules))
	configured := make(map[*Rule]bool)
	for _, r := range rules {
		severity[r] = r.Severity
	}
	enabled := make(map[*Rule]bool, len(rules))
	for _, r := range rules {
		enabled[r] = true
	}
	keys := make([]string, 0, len(cfg.Rules))
	for k := range cfg.Rules {
		keys = append(keys, k)
	}
	specificity := func(name string) int {
		switch {
		case name == "all":
			return 0
		case isCategory(rules, name):
			return 1
		}
		return 2
	}
	sort.Slice(keys, func(i, j int) bool {
		si, sj := specificity(keys[i]), specificity(keys[j])
		return si < sj || si == sj && keys[i] < keys[j]
	})
	for _, k := range keys {
		named, err := Lookup(rules, k)
		if err != nil {
			return nil, cfg.Errorf([]string{"rules", k}, "rules: %v", err)
		}
		level := cfg.Rules[k]
		for _, r := range named {
			if alwaysOn(r) {
				if k != "all" && level != "error" {
					return nil, cfg.Errorf([]string{"rules", k}, "rules.%s = %q: the syntax rules always run at error severity (they report what Nix rejects)", k, level)
				}
				continue
			}
			if level == "off" {
				enabled[r] = false
				continue
			}
			sev, err := ParseSeverity(level)
			if err != nil {
				return nil, cfg.Errorf([]string{"rules", k}, "rules.%s: %v", k, err)
			}
			enabled[r], severity[r], configured[r] = true, sev, true
		}
	}
	set := func(names []string, on bool, flagName string) error {
		for _, n := range names {
			named, err := Lookup(rules, n)
			if err != nil {
				return fmt.Errorf("--%s: %w", flagName, err)
			}
			for _, r := range named {
				if !on && n != "all" && alwaysOn(r) {
					return fmt.Errorf("--%s %s: the syntax rules always run (they report what Nix rejects)", flagName, n)
				}
				enabled[r] = on
			}
		}
		return nil
	}
	if len(opts.Select) > 0 {
		clear(enabled)
		if err := set(opts.Select, true, "select"); err != nil {
			return nil, err
		}
	}
	if err := set(opts.Enable, true, "enable"); err != nil {
		return nil, err
	}
	if err := set(opts.Disable, false, "disable"); err != nil {
		return nil, err
	}
	var out []active
	for _, r := range rules {
		if enabled[r] || alwaysOn(r) {
			out = append(out, active{Rule: r, severity: severity[r], configured: configured[r]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func isCategory(rules []*Rule, name string) bool {
	for _, r := range rules {
		if r.Category == name {
			return true
		}
	}
	return false
}

// flagsMu guards the analyzers' flags, which are package-level state
// shared by every run: a run holds it from setting the options until its
// analyzers have finished.
var flagsMu sync.Mutex

// setRuleOptions resets every rule's flags to their defaults and then sets
// the configuration's [rule-options.RULE] values. The caller holds
// flagsMu.
func setRuleOptions(rules []*Rule, cfg *config.Config) error {
	for _, r := range rules {
		r.Flags.VisitAll(func(f *flag.Flag) { _ = f.Value.Set(f.DefValue) })
	}
	names := make([]string, 0, len(cfg.RuleOptions))
	for n := range cfg.RuleOptions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		key := []string{"rule-options", name}
		r := ruleNamed(rules, name)
		if r == nil {
			return cfg.Errorf(key, "rule-options: unknown rule %q%s", name, didYouMean(rules, name, false))
		}
		opts := cfg.RuleOptions[name]
		optNames := make([]string, 0, len(opts))
		for o := range opts {
			optNames = append(optNames, o)
		}
		sort.Strings(optNames)
		for _, o := range optNames {
			f := r.Flags.Lookup(o)
			if f == nil {
				return cfg.Errorf(append(key, o), "rule-options.%s: unknown option %q (%s)", name, o, describeOptions(r))
			}
			if err := setOption(f, opts[o]); err != nil {
				return cfg.Errorf(append(key, o), "rule-options.%s.%s: %v", name, o, err)
			}
		}
	}
	return nil
}

func ruleNamed(rules []*Rule, name string) *Rule {
	for _, r := range rules {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// describeOptions lists a rule's options for error messages.
func describeOptions(r *Rule) string {
	var names []string
	r.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "the rule has no options"
	}
	return "options: " + strings.Join(names, ", ")
}

// optionKinds describe the values the flag types of rule options take,
// by the type name flag.UnquoteUsage gives ("" for a boolean).
var optionKinds = map[string]string{
	"":         "a boolean (true or false)",
	"int":      "an integer",
	"uint":     "a non-negative integer",
	"float":    "a number",
	"duration": `a duration such as "90s"`,
}

// setOption sets a rule option to its TOML value. A value of the wrong
// kind is an error saying what the option takes: a boolean option takes
// only a TOML boolean, not "yes" or 1.
func setOption(f *flag.Flag, v any) error {
	typ, _ := flag.UnquoteUsage(f)
	if _, isBool := v.(bool); typ == "" && !isBool || f.Value.Set(optionString(v)) != nil {
		want, ok := optionKinds[typ]
		if !ok {
			want = "a " + typ
		}
		got := fmt.Sprint(v)
		if s, ok := v.(string); ok {
			got = strconv.Quote(s)
		}
		return fmt.Errorf("want %s, got %s", want, got)
	}
	return nil
}

// optionString renders a TOML value the way flag.Value.Set reads it;
// arrays become comma-separated lists.
func optionString(v any) string {
	if list, ok := v.([]any); ok {
		parts := make([]string, len(list))
		for i, e := range list {
			parts[i] = optionString(e)
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}
