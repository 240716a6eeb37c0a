package deploy

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/health"
	"github.com/nixaudit/nixaudit/ops/run"
	"github.com/nixaudit/nixaudit/ops/transport"
)

// Deployer deploys a fleet's hosts.
type Deployer struct {
	Nix   *run.Nix
	Fleet *fleet.Fleet
	// Connect returns the transport reaching a host.
	Connect func(fleet.Host) (transport.Transport, error)
	// Checker verifies hosts after activation (with the same Connect).
	Checker *health.Checker
	Options Options
	// Progress, when set, gets a line per step and host.
	Progress io.Writer

	progressMu sync.Mutex
}

// Deploy runs the gate on the flake, then deploys hosts. It writes the
// gate's refusal (or its skip notice) to w and returns the report (nil
// when the gate refused) and the error deciding the exit status: a gate
// refusal, or a failure when a host did not end deployed or unchanged.
func (d *Deployer) Deploy(ctx context.Context, gateOpts gate.Options, w io.Writer, hosts []fleet.Host) (*Report, error) {
	audit, err := gate.Check(ctx, gateOpts, w)
	if err != nil {
		return nil, err
	}
	rep := &Report{Operation: "deploy", Strategy: d.Options.Strategy, Mode: d.Options.Mode, DryRun: d.Options.DryRun, Audit: &audit}
	rep.Hosts = make([]HostResult, len(hosts))
	for i, h := range hosts {
		rep.Hosts[i] = HostResult{Name: h.Name}
	}
	if !d.build(ctx, hosts, rep.Hosts) {
		return rep, rep.Err()
	}
	d.schedule(ctx, hosts, rep.Hosts, func(ctx context.Context, h fleet.Host, r *HostResult) {
		d.deployHost(ctx, h, r)
	})
	return rep, rep.Err()
}

// deployHost takes one built host from its running system to r.NewPath.
func (d *Deployer) deployHost(ctx context.Context, h fleet.Host, r *HostResult) {
	t, s, ok := d.reach(ctx, h, r)
	if !ok {
		return
	}
	if d.alreadyDeployed(s, r.NewPath) {
		r.Result = Unchanged
		r.logf("already running %s", r.NewPath)
		return
	}
	if d.Options.DryRun {
		r.Result = Planned
		r.logf("would %s %s (now %s)", d.Options.Mode, r.NewPath, s.running)
		return
	}
	if h.BuildOn == fleet.BuildLocal && t.StoreURI() != "" {
		d.progress(h.Name, "copying the closure to %s", t.StoreURI())
		start := time.Now()
		_, err := d.Nix.Run(ctx, "", "copy", "--to", t.StoreURI(), r.NewPath)
		r.Durations.Copy = time.Since(start)
		if err != nil {
			r.fail(fmt.Errorf("copying the closure: %w", err))
			return
		}
		r.logf("copied the closure to %s", t.StoreURI())
	}
	var setProfile []string
	if setsProfile(d.Options.Mode) {
		setProfile = []string{"--set", r.NewPath}
	}
	d.activate(ctx, change{host: h, t: t, state: s, target: r.NewPath, setProfile: setProfile, mode: d.Options.Mode}, r)
}

// alreadyDeployed reports whether the host needs nothing: without
// --force, a boot deploy is done when the profile is the new system, any
// other when the running system is.
func (d *Deployer) alreadyDeployed(s hostState, target string) bool {
	if d.Options.Force {
		return false
	}
	if d.Options.Mode == "boot" {
		return s.profilePath == target
	}
	return s.running == target
}

// progress writes one step of a host to the Progress writer.
func (d *Deployer) progress(host, format string, args ...any) {
	if d.Progress == nil {
		return
	}
	d.progressMu.Lock()
	defer d.progressMu.Unlock()
	fmt.Fprintf(d.Progress, "%s: %s\n", host, fmt.Sprintf(format, args...))
}

// fail marks the host failed with err.
func (h *HostResult) fail(err error) {
	h.Result = Failed
	h.Error = err.Error()
}
