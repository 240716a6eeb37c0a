package deploy

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/nixaudit/nixaudit/ops/health"
)

// verify checks that the host runs c.target (for modes that activate it
// now) and that its health checks pass, retrying until the verify timeout
// has passed: services may take a while to come up after a switch. An
// attempt started before the deadline runs to its end (each is bounded by
// the checker's host timeout), so a slow host still gets one full try.
func (d *Deployer) verify(ctx context.Context, c change, r *HostResult) error {
	deadline := time.Now().Add(d.Options.VerifyTimeout)
	for {
		err := d.verifyOnce(ctx, c, r)
		if err == nil {
			r.logf("verified %s", c.target)
			return nil
		}
		wait := min(d.Options.RetryInterval, time.Until(deadline))
		if wait <= 0 || ctx.Err() != nil {
			return fmt.Errorf("verifying %s (for %s): %w", c.target, d.Options.VerifyTimeout, err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(wait):
		}
	}
}

func (d *Deployer) verifyOnce(ctx context.Context, c change, r *HostResult) error {
	if changesRunningSystem(c.mode) {
		running, err := health.CurrentSystem(ctx, c.t, c.host)
		if err != nil {
			return err
		}
		if running != c.target {
			return fmt.Errorf("%s is %s, want %s", c.host.CurrentSystem, running, c.target)
		}
	}
	rep := d.Checker.Host(ctx, c.host)
	r.Checks = rep.Checks
	if rep.Failing() {
		var failing []string
		for _, p := range rep.Problems() {
			if p.Level == health.Fail {
				failing = append(failing, p.Name+": "+p.Detail)
			}
		}
		return fmt.Errorf("host %s: %s", rep.Status, strings.Join(failing, "; "))
	}
	return nil
}

// timer adds the time from its start to a duration when stopped.
type timer struct {
	d     *time.Duration
	start time.Time
}

func startTimer(d *time.Duration) *timer { return &timer{d: d, start: time.Now()} }

func (t *timer) stop() { *t.d += time.Since(t.start) }
