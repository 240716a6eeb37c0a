package deploy

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/health"
	"github.com/nixaudit/nixaudit/ops/transport"
)

// hostState is what a host runs before it is changed.
type hostState struct {
	root    bool   // the host's user is root (no sudo needed)
	running string // the store path current-system points at
	// profileGen is the profile's generation (0 when the profile does
	// not exist yet) and profilePath the system it holds.
	profileGen  int
	profilePath string
}

// reach connects to h and inspects it, noting its running system in r.
// It reports false, with the error in r, when either step failed.
func (d *Deployer) reach(ctx context.Context, h fleet.Host, r *HostResult) (transport.Transport, hostState, bool) {
	t, err := d.Connect(h)
	if err == nil {
		var s hostState
		if s, err = d.inspect(ctx, h, t); err == nil {
			r.OldPath = s.running
			return t, s, true
		}
	}
	r.fail(err)
	return nil, hostState{}, false
}

// inspect reads the host's user, running system and profile generation.
func (d *Deployer) inspect(ctx context.Context, h fleet.Host, t transport.Transport) (hostState, error) {
	var s hostState
	res, err := t.Run(ctx, []string{"id", "-u"})
	if err != nil {
		return s, err
	}
	s.root = strings.TrimSpace(string(res.Stdout)) == "0"
	if s.running, err = health.CurrentSystem(ctx, t, h); err != nil {
		return s, fmt.Errorf("reading the running system: %w", err)
	}
	// readlink fails when the profile does not exist: a fresh host.
	if res, err := t.Run(ctx, []string{"readlink", h.Profile}); err == nil {
		s.profileGen = generation(strings.TrimSpace(string(res.Stdout)))
		if res, err := t.Run(ctx, []string{"readlink", "-f", h.Profile}); err == nil {
			s.profilePath = strings.TrimSpace(string(res.Stdout))
		}
	}
	return s, nil
}

// generationLink matches a profile's generation link, "system-42-link".
var generationLink = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`-(\d+)-link$`) })

// generation is the number of a generation link's name, 0 if it is none.
func generation(link string) int {
	m := generationLink().FindStringSubmatch(path.Base(link))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// change is one activation to carry out and verify on a host.
type change struct {
	host  fleet.Host
	t     transport.Transport
	state hostState
	// target is the system to activate; setProfile the nix-env arguments
	// that make it the profile's (nil: the profile stays as it is).
	target     string
	setProfile []string
	mode       string
}

// privileged prefixes argv with the sudo command unless the host's user
// is root.
func (d *Deployer) privileged(s hostState, argv ...string) []string {
	if s.root {
		return argv
	}
	return append(append([]string(nil), d.Options.Sudo...), argv...)
}

// activate sets the profile, runs switch-to-configuration and verifies;
// if any of that fails it rolls the host back to the system it ran.
func (d *Deployer) activate(ctx context.Context, c change, r *HostResult) {
	err := d.switchTo(ctx, c, r)
	if err == nil {
		r.Result = Deployed
		return
	}
	r.Error = err.Error()
	r.logf("failed: %s", firstLine(err.Error()))
	if c.mode == "dry-activate" {
		r.Result = Failed
		return
	}
	d.progress(c.host.Name, "rolling back to %s", c.state.running)
	// The old system is re-activated the way the new one was (a failed
	// boot deploy restores the boot default only).
	back := change{host: c.host, t: c.t, state: c.state, target: c.state.running, mode: c.mode}
	if c.setProfile != nil {
		back.setProfile = restoreProfile(c.state)
	}
	if rerr := d.switchTo(ctx, back, r); rerr != nil {
		r.Result = Failed
		r.Error += "\nrolling back to " + c.state.running + " failed too: " + rerr.Error()
		return
	}
	r.Result = RolledBack
}

// restoreProfile returns the nix-env arguments that put the profile back
// to the generation it had; a host without a profile before gets the
// running system.
func restoreProfile(s hostState) []string {
	if s.profileGen > 0 {
		return []string{"--switch-generation", strconv.Itoa(s.profileGen)}
	}
	return []string{"--set", s.running}
}

// switchTo carries out one change: profile, activation, verification.
func (d *Deployer) switchTo(ctx context.Context, c change, r *HostResult) error {
	h := c.host
	if c.setProfile != nil {
		argv := d.privileged(c.state, append([]string{"nix-env", "-p", h.Profile}, c.setProfile...)...)
		if _, err := c.t.Run(ctx, argv); err != nil {
			return fmt.Errorf("setting the profile: %w", err)
		}
		r.logf("profile %s: nix-env %s", h.Profile, strings.Join(c.setProfile, " "))
	}
	d.progress(h.Name, "switch-to-configuration %s (%s)", c.mode, c.target)
	timer := startTimer(&r.Durations.Activate)
	_, err := c.t.Run(ctx, d.privileged(c.state, c.target+"/bin/switch-to-configuration", c.mode))
	timer.stop()
	if err != nil {
		return fmt.Errorf("activating %s: %w", c.target, err)
	}
	r.logf("activated %s (%s)", c.target, c.mode)
	if c.mode == "dry-activate" {
		return nil
	}
	timer = startTimer(&r.Durations.Verify)
	defer timer.stop()
	return d.verify(ctx, c, r)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
