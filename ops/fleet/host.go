package fleet

import (
	"fmt"
	"strings"
	"time"

	"github.com/nixaudit/nixaudit/config"
)

// Defaults of a host's settings.
const (
	DefaultProfile       = "/nix/var/nix/profiles/system"
	DefaultCurrentSystem = "/run/current-system"
	DefaultCheckTimeout  = 10 * time.Second
	DefaultExpectStatus  = 200
)

// Built-in health checks a host's builtin-checks selects from.
const (
	CheckReachable = "reachable"
	CheckSystemd   = "systemd"
	CheckDisk      = "disk"
	CheckMemory    = "memory"
)

// BuiltinChecks are all built-in checks, the default selection.
var BuiltinChecks = []string{CheckReachable, CheckSystemd, CheckDisk, CheckMemory}

// Where a host's toplevel is built.
const (
	BuildLocal  = "local"
	BuildTarget = "target"
)

// Host is one host of the fleet with every setting resolved.
type Host struct {
	// Name is the host's nixosConfigurations attribute.
	Name string
	// Target is the ssh destination, or "local" for this machine.
	Target  string
	Tags    []string
	BuildOn string // BuildLocal or BuildTarget
	// Profile is the system profile nix-env sets; CurrentSystem the link
	// to the running system.
	Profile       string
	CurrentSystem string
	// Builtin is the selected built-in checks, in BuiltinChecks order.
	Builtin []string
	Checks  []Check
}

// Check is a configured health check with its defaults applied.
type Check struct {
	Name string
	// Cmd is run on the host; HTTP is requested from here. Exactly one is
	// set.
	Cmd          []string
	HTTP         string
	ExpectStatus int
	Timeout      time.Duration
}

// HasBuiltin reports whether the host's selection includes check.
func (h *Host) HasBuiltin(check string) bool {
	for _, c := range h.Builtin {
		if c == check {
			return true
		}
	}
	return false
}

// hasTag reports whether the host carries tag.
func (h *Host) hasTag(tag string) bool {
	for _, t := range h.Tags {
		if t == tag {
			return true
		}
	}
	return false
}

// newHost merges the settings of [hosts.NAME] (zero when absent) with the
// defaults, validating them; errors name the configuration line.
func newHost(name string, s config.Host, cfg *config.Config) (Host, error) {
	key := func(k ...string) []string { return append([]string{"hosts", name}, k...) }
	h := Host{
		Name:          name,
		Target:        or(s.Target, name),
		Tags:          s.Tags,
		BuildOn:       or(s.BuildOn, BuildLocal),
		Profile:       or(s.Profile, DefaultProfile),
		CurrentSystem: or(s.CurrentSystem, DefaultCurrentSystem),
		Builtin:       BuiltinChecks,
	}
	if h.BuildOn != BuildLocal && h.BuildOn != BuildTarget {
		return h, cfg.Errorf(key("build-on"), "hosts.%s.build-on = %q: want %q or %q", name, h.BuildOn, BuildLocal, BuildTarget)
	}
	if h.Target != "local" && (strings.HasPrefix(h.Target, "-") || strings.ContainsAny(h.Target, " \t\n")) {
		return h, cfg.Errorf(key("target"), "hosts.%s.target = %q: not an ssh destination", name, h.Target)
	}
	if s.BuiltinChecks != nil {
		for _, c := range *s.BuiltinChecks {
			if !contains(BuiltinChecks, c) {
				return h, cfg.Errorf(key("builtin-checks"), "hosts.%s.builtin-checks: unknown check %q: want some of %s", name, c, strings.Join(BuiltinChecks, ", "))
			}
		}
		h.Builtin = nil
		for _, c := range BuiltinChecks {
			if contains(*s.BuiltinChecks, c) {
				h.Builtin = append(h.Builtin, c)
			}
		}
	}
	for i, c := range s.Checks {
		check, err := newCheck(c)
		if err != nil {
			return h, cfg.Errorf(key("checks"), "hosts.%s.checks[%d]: %v", name, i, err)
		}
		h.Checks = append(h.Checks, check)
	}
	return h, nil
}

func newCheck(c config.Check) (Check, error) {
	check := Check{Name: c.Name, Cmd: c.Cmd, HTTP: c.HTTP, ExpectStatus: c.ExpectStatus, Timeout: DefaultCheckTimeout}
	switch {
	case c.Name == "":
		return check, fmt.Errorf("name is required")
	case len(c.Cmd) > 0 == (c.HTTP != ""):
		return check, fmt.Errorf("check %q: set exactly one of cmd and http", c.Name)
	case c.ExpectStatus != 0 && c.HTTP == "":
		return check, fmt.Errorf("check %q: expect-status is only for http checks", c.Name)
	}
	if check.ExpectStatus == 0 {
		check.ExpectStatus = DefaultExpectStatus
	}
	if c.Timeout != "" {
		d, err := time.ParseDuration(c.Timeout)
		if err != nil || d <= 0 {
			return check, fmt.Errorf("check %q: timeout = %q: want a positive Go duration such as \"30s\"", c.Name, c.Timeout)
		}
		check.Timeout = d
	}
	return check, nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
