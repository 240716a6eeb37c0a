package deploy

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/nixaudit/nixaudit/ops/fleet"
)

// Rollback switches hosts back to their profile's previous generation
// (`nix-env --switch-generation`, then its switch-to-configuration
// switch) and verifies them like a deploy; a host that fails is put back
// on the generation it ran. It has no audit gate: it only returns hosts
// to systems they already ran. Returns the report and, when a host did
// not end deployed, the failure.
func (d *Deployer) Rollback(ctx context.Context, hosts []fleet.Host) (*Report, error) {
	rep := &Report{Operation: "rollback", Strategy: d.Options.Strategy, Mode: "switch"}
	rep.Hosts = make([]HostResult, len(hosts))
	for i, h := range hosts {
		rep.Hosts[i] = HostResult{Name: h.Name}
	}
	d.schedule(ctx, hosts, rep.Hosts, d.rollbackHost)
	return rep, rep.Err()
}

func (d *Deployer) rollbackHost(ctx context.Context, h fleet.Host, r *HostResult) {
	t, s, ok := d.reach(ctx, h, r)
	if !ok {
		return
	}
	if s.profileGen == 0 {
		r.fail(fmt.Errorf("%s is not a profile with generations", h.Profile))
		return
	}
	res, err := t.Run(ctx, []string{"nix-env", "-p", h.Profile, "--list-generations"})
	if err != nil {
		r.fail(fmt.Errorf("listing the generations of %s: %w", h.Profile, err))
		return
	}
	prev := previousGeneration(string(res.Stdout), s.profileGen)
	if prev == 0 {
		r.fail(fmt.Errorf("%s has no generation before %d", h.Profile, s.profileGen))
		return
	}
	link := fmt.Sprintf("%s-%d-link", h.Profile, prev)
	res, err = t.Run(ctx, []string{"readlink", "-f", link})
	if err != nil {
		r.fail(fmt.Errorf("reading %s: %w", link, err))
		return
	}
	r.NewPath = strings.TrimSpace(string(res.Stdout))
	r.logf("generation %d → %d", s.profileGen, prev)
	d.activate(ctx, change{host: h, t: t, state: s, target: r.NewPath, setProfile: []string{"--switch-generation", strconv.Itoa(prev)}, mode: "switch"}, r)
}

// previousGeneration reads `nix-env --list-generations` ("  41   2024-…")
// and returns the newest generation older than current, 0 if none.
func previousGeneration(list string, current int) int {
	prev := 0
	for _, line := range strings.Split(list, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if n, err := strconv.Atoi(f[0]); err == nil && n < current && n > prev {
			prev = n
		}
	}
	return prev
}
