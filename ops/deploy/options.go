package deploy

import (
	"fmt"
	"time"

	"github.com/nixaudit/nixaudit/config"
)

// Strategies schedule the hosts' activations.
const (
	// Parallel activates every host at once, MaxParallel at a time.
	Parallel = "parallel"
	// Rolling activates one host at a time and stops at the first
	// failure, leaving the rest untouched.
	Rolling = "rolling"
	// Canary activates the first host alone, then the rest in parallel
	// only if it succeeded.
	Canary = "canary"
)

// Modes are switch-to-configuration's actions.
var Modes = []string{"switch", "boot", "test", "dry-activate"}

// Strategies lists the strategies.
var Strategies = []string{Parallel, Rolling, Canary}

// Defaults of the [deploy] settings.
const (
	DefaultMaxParallel   = 4
	DefaultVerifyTimeout = 2 * time.Minute
	DefaultRetryInterval = 2 * time.Second
)

// DefaultSudo prefixes privileged commands on hosts reached as a user
// other than root.
var DefaultSudo = []string{"sudo"}

// Options configure a deploy.
type Options struct {
	Strategy    string
	MaxParallel int
	Mode        string
	// DryRun builds and prints the plan, touching no host.
	DryRun bool
	// Force redeploys hosts already running the built system.
	Force bool
	// VerifyTimeout is how long health checks are retried after an
	// activation; RetryInterval the pause between attempts.
	VerifyTimeout time.Duration
	RetryInterval time.Duration
	// Sudo prefixes nix-env and switch-to-configuration when the host's
	// user is not root.
	Sudo []string
}

// WithConfig fills the options the command line left unset from the
// [deploy] configuration and the defaults, and validates them.
func (o Options) WithConfig(d config.Deploy) (Options, error) {
	if o.Strategy == "" {
		o.Strategy = Parallel
	}
	if o.Mode == "" {
		o.Mode = "switch"
	}
	if !contains(Strategies, o.Strategy) {
		return o, fmt.Errorf("--strategy %s: want one of %v", o.Strategy, Strategies)
	}
	if !contains(Modes, o.Mode) {
		return o, fmt.Errorf("--mode %s: want one of %v", o.Mode, Modes)
	}
	if o.MaxParallel <= 0 {
		o.MaxParallel = d.MaxParallel
	}
	if o.MaxParallel <= 0 {
		o.MaxParallel = DefaultMaxParallel
	}
	if o.VerifyTimeout <= 0 {
		o.VerifyTimeout = DefaultVerifyTimeout
		if d.VerifyTimeout != "" {
			v, err := time.ParseDuration(d.VerifyTimeout)
			if err != nil || v <= 0 {
				return o, fmt.Errorf("[deploy] verify-timeout = %q: want a positive Go duration such as \"2m\"", d.VerifyTimeout)
			}
			o.VerifyTimeout = v
		}
	}
	if o.RetryInterval <= 0 {
		o.RetryInterval = DefaultRetryInterval
	}
	if o.Sudo == nil {
		o.Sudo = d.Sudo
	}
	if o.Sudo == nil {
		o.Sudo = DefaultSudo
	}
	return o, nil
}

// changesRunningSystem reports whether the mode activates the new system
// now (so current-system must then be it).
func changesRunningSystem(mode string) bool { return mode == "switch" || mode == "test" }

// setsProfile reports whether the mode makes the new system the profile's
// (and so the boot default).
func setsProfile(mode string) bool { return mode == "switch" || mode == "boot" }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
