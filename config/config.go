// Package config holds the schema of .nixaudit.toml, shared by the audit
// and the fleet operations (update, health, deploy).
package config

// Config is a parsed .nixaudit.toml. Every key is documented in the
// README; an unknown key is an error.
type Config struct {
	// Path is the file the configuration was read from ("" for defaults).
	Path string `toml:"-"`
	// Dir is the directory relative paths and excludes are resolved against.
	Dir string `toml:"-"`
	// src is the file's text, kept to point errors at lines.
	src []byte

	FailOn  string   `toml:"fail-on"` // error | warning | info | none
	Exclude []string `toml:"exclude"` // globs, relative to Dir
	// Rules maps a rule or category name to "off", "error", "warning" or
	// "info".
	Rules map[string]string `toml:"rules"`
	// RuleOptions maps a rule name to its options, set on the rule's
	// analyzer flags.
	RuleOptions map[string]map[string]any `toml:"rule-options"`

	Nix        Nix             `toml:"nix"`
	Update     Update          `toml:"update"`
	Deploy     Deploy          `toml:"deploy"`
	Hosts      map[string]Host `toml:"hosts"`
	Monitoring Monitoring      `toml:"monitoring"`
}

// Nix configures how nix is run.
type Nix struct {
	// Options are extra arguments given to every nix command, e.g.
	// ["--option", "substituters", ""].
	Options []string `toml:"options"`
}

// Update configures `nixaudit update`.
type Update struct {
	// GitHubAPI is the base URL of the GitHub API for --version-from
	// (default https://api.github.com; set it for GitHub Enterprise).
	GitHubAPI string `toml:"github-api"`
}

// Deploy configures `nixaudit deploy`.
type Deploy struct {
	// Sudo is the command prefix used on hosts when the ssh user is not
	// root (default ["sudo"]).
	Sudo []string `toml:"sudo"`
	// VerifyTimeout is how long verification is retried, as a Go duration
	// (default "2m").
	VerifyTimeout string `toml:"verify-timeout"`
	// MaxParallel bounds parallel builds and activations (default 4).
	MaxParallel int `toml:"max-parallel"`
}

// Host is one fleet host, keyed by its nixosConfigurations name.
type Host struct {
	Target        string   `toml:"target"`   // ssh destination; "local" for this machine; default: the host's name
	Tags          []string `toml:"tags"`     // for --on @tag
	BuildOn       string   `toml:"build-on"` // "local" (default) or "target"
	Profile       string   `toml:"profile"`  // default /nix/var/nix/profiles/system
	CurrentSystem string   `toml:"current-system"`
	// BuiltinChecks selects the built-in health checks: reachable,
	// systemd, disk, memory. Nil means all; an empty list means none.
	BuiltinChecks *[]string `toml:"builtin-checks"`
	Checks        []Check   `toml:"checks"`
}

// Check is a configured health check: a command run on the host, or an
// HTTP request made from here.
type Check struct {
	Name         string   `toml:"name"`
	Cmd          []string `toml:"cmd"`
	HTTP         string   `toml:"http"`
	ExpectStatus int      `toml:"expect-status"` // default 200
	Timeout      string   `toml:"timeout"`       // Go duration, default "10s"
}

// Monitoring points health at Prometheus and Alertmanager.
type Monitoring struct {
	Prometheus   string `toml:"prometheus"`
	Alertmanager string `toml:"alertmanager"`
}
