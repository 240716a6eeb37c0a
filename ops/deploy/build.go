package deploy

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/run"
)

// build builds every host's toplevel, MaxParallel at a time, and sets
// each result's NewPath. When any build fails it marks that host failed
// and every other skipped, and returns false: no host is touched.
func (d *Deployer) build(ctx context.Context, hosts []fleet.Host, results []HostResult) bool {
	errs := make([]error, len(hosts))
	run.Each(len(hosts), d.Options.MaxParallel, func(i int) {
		start := time.Now()
		d.progress(hosts[i].Name, "building on %s", hosts[i].BuildOn)
		results[i].NewPath, errs[i] = d.buildHost(ctx, hosts[i])
		results[i].Durations.Build = time.Since(start)
	})
	ok := true
	for i, err := range errs {
		if err != nil {
			results[i].fail(fmt.Errorf("building %s: %w", hosts[i].Name, err))
			ok = false
		}
	}
	if ok {
		return true
	}
	for i := range results {
		if errs[i] == nil {
			results[i].Result = Skipped
			results[i].logf("not deployed: another host's build failed")
		}
	}
	return false
}

// buildHost builds the host's toplevel here, or on the host for build-on
// = "target": the derivation is evaluated here, its closure copied to the
// host, and realised there.
func (d *Deployer) buildHost(ctx context.Context, h fleet.Host) (string, error) {
	installable := d.Fleet.Toplevel(h.Name)
	t, err := d.Connect(h)
	if err != nil {
		return "", err
	}
	if h.BuildOn == fleet.BuildLocal || t.StoreURI() == "" {
		built, err := d.Nix.Build(ctx, "", h.Name, installable)
		if err != nil {
			return "", err
		}
		if len(built) != 1 || built[0].Outputs["out"] == "" {
			return "", fmt.Errorf("nix build returned %d results, want one with an out output", len(built))
		}
		return built[0].Outputs["out"], nil
	}
	drv, err := d.Nix.Run(ctx, "", "eval", "--raw", installable+".drvPath")
	if err != nil {
		return "", err
	}
	if _, err := d.Nix.Run(ctx, "", "copy", "--derivation", "--to", t.StoreURI(), string(drv)); err != nil {
		return "", fmt.Errorf("copying the derivation: %w", err)
	}
	res, err := t.Run(ctx, []string{"nix-store", "--realise", string(drv)})
	if err != nil {
		return "", fmt.Errorf("building on %s: %w", t, err)
	}
	out := strings.TrimSpace(string(res.Stdout))
	if !strings.HasPrefix(out, "/nix/store/") || strings.Contains(out, "\n") {
		return "", fmt.Errorf("nix-store --realise on %s printed %q, want one store path", t, out)
	}
	return out, nil
}
