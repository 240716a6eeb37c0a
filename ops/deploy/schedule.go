package deploy

import (
	"context"

	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/run"
)

// schedule runs step for each host as the strategy says. Hosts a strategy
// stops before are marked skipped.
func (d *Deployer) schedule(ctx context.Context, hosts []fleet.Host, results []HostResult, step func(context.Context, fleet.Host, *HostResult)) {
	switch d.Options.Strategy {
	case Rolling:
		for i := range hosts {
			step(ctx, hosts[i], &results[i])
			if !results[i].Result.ok() {
				skip(results[i+1:], "not deployed: rolling deploy stopped at "+hosts[i].Name)
				return
			}
		}
	case Canary:
		if len(hosts) == 0 {
			return
		}
		step(ctx, hosts[0], &results[0])
		if !results[0].Result.ok() {
			skip(results[1:], "not deployed: the canary "+hosts[0].Name+" failed")
			return
		}
		d.parallel(ctx, hosts[1:], results[1:], step)
	default:
		d.parallel(ctx, hosts, results, step)
	}
}

// parallel runs step on every host, MaxParallel at a time.
func (d *Deployer) parallel(ctx context.Context, hosts []fleet.Host, results []HostResult, step func(context.Context, fleet.Host, *HostResult)) {
	run.Each(len(hosts), d.Options.MaxParallel, func(i int) { step(ctx, hosts[i], &results[i]) })
}

func skip(results []HostResult, why string) {
	for i := range results {
		results[i].Result = Skipped
		results[i].logf("%s", why)
	}
}
