package health

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/transport"
)

// DefaultHostTimeout bounds the checks of one host.
const DefaultHostTimeout = 60 * time.Second

// Checker checks hosts.
type Checker struct {
	// Connect returns the transport reaching a host.
	Connect func(fleet.Host) (transport.Transport, error)
	// HTTP makes the http checks and the monitoring requests (nil:
	// http.DefaultClient; each request has its own timeout).
	HTTP *http.Client
	// HostTimeout bounds each host's checks (default DefaultHostTimeout).
	HostTimeout time.Duration
	// Expected, when set, returns the store path the flake builds for a
	// host (health --with-eval), compared with the running system.
	Expected func(ctx context.Context, host string) (string, error)
	// Progress, when set, gets a line per host as it finishes.
	Progress io.Writer
}

// Check checks hosts in parallel, then the monitoring when mon is set,
// and returns the report with hosts in the order given.
func (c *Checker) Check(ctx context.Context, hosts []fleet.Host, mon *config.Monitoring) *Report {
	rep := &Report{Hosts: make([]HostReport, len(hosts))}
	var wg sync.WaitGroup
	var progressMu sync.Mutex
	for i, h := range hosts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep.Hosts[i] = c.Host(ctx, h)
			if c.Progress != nil {
				progressMu.Lock()
				fmt.Fprintf(c.Progress, "%s: %s (%s)\n", h.Name, rep.Hosts[i].Status, rep.Hosts[i].Duration.Round(time.Millisecond))
				progressMu.Unlock()
			}
		}()
	}
	wg.Wait()
	if mon != nil && (mon.Prometheus != "" || mon.Alertmanager != "") {
		rep.Monitoring = c.monitoring(ctx, *mon)
		attribute(rep, hosts)
	}
	return rep
}

// Host runs one host's checks within the host timeout: the built-in
// ones it selects, its current system, then its configured checks.
func (c *Checker) Host(ctx context.Context, h fleet.Host) HostReport {
	start := time.Now()
	timeout := c.HostTimeout
	if timeout <= 0 {
		timeout = DefaultHostTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	rep := HostReport{Name: h.Name}
	defer func() { rep.Duration = time.Since(start) }()

	t, err := c.Connect(h)
	if err != nil {
		rep.Status, rep.Checks = Unreachable, []Result{result(fleet.CheckReachable, Fail, err.Error())}
		return rep
	}
	// Every host is probed, so that an unreachable one is said so even
	// when "reachable" is not among its reported checks.
	probeStart := time.Now()
	if _, err := t.Run(ctx, []string{"true"}); err != nil {
		rep.Status, rep.Checks = Unreachable, []Result{result(fleet.CheckReachable, Fail, contextDetail(ctx, err))}
		return rep
	}
	if h.HasBuiltin(fleet.CheckReachable) {
		rep.Checks = append(rep.Checks, result(fleet.CheckReachable, OK, fmt.Sprintf("%s in %s", t, time.Since(probeStart).Round(time.Millisecond))))
	}
	if h.HasBuiltin(fleet.CheckSystemd) {
		rep.Checks = append(rep.Checks, checkSystemd(ctx, t))
	}
	if h.HasBuiltin(fleet.CheckDisk) {
		rep.Checks = append(rep.Checks, checkDisk(ctx, t)...)
	}
	if h.HasBuiltin(fleet.CheckMemory) {
		rep.Checks = append(rep.Checks, checkMemory(ctx, t)...)
	}
	var current Result
	rep.CurrentSystem, current = c.currentSystem(ctx, h, t)
	rep.Checks = append(rep.Checks, current)
	for _, check := range h.Checks {
		rep.Checks = append(rep.Checks, c.configured(ctx, t, check))
	}
	rep.Status = status(rep.Checks)
	if ctx.Err() != nil {
		rep.Checks = append(rep.Checks, result("timeout", Fail, fmt.Sprintf("the checks were cut off after %s", time.Since(start).Round(time.Millisecond))))
		rep.Status = Unhealthy
	}
	return rep
}

// CurrentSystem returns the store path the host's current-system link
// points at.
func CurrentSystem(ctx context.Context, t transport.Transport, h fleet.Host) (string, error) {
	res, err := t.Run(ctx, []string{"readlink", "-f", h.CurrentSystem})
	if err != nil {
		return "", err
	}
	path := strings.TrimSpace(string(res.Stdout))
	if !strings.HasPrefix(path, "/nix/store/") {
		return "", fmt.Errorf("%s is not a link to a Nix store path (it is %s)", h.CurrentSystem, path)
	}
	return path, nil
}

// currentSystem reports the running system and, with Expected, whether
// it is what the flake builds (a host running something else warns).
func (c *Checker) currentSystem(ctx context.Context, h fleet.Host, t transport.Transport) (string, Result) {
	const name = "current-system"
	path, err := CurrentSystem(ctx, t, h)
	if err != nil {
		return "", result(name, Fail, contextDetail(ctx, err))
	}
	if c.Expected == nil {
		return path, result(name, OK, path)
	}
	want, err := c.Expected(ctx, h.Name)
	switch {
	case err != nil:
		return path, result(name, Warn, fmt.Sprintf("%s; evaluating the flake's system failed: %v", path, err))
	case want != path:
		return path, result(name, Warn, fmt.Sprintf("%s, but the flake builds %s", path, want))
	}
	return path, result(name, OK, path+" (what the flake builds)")
}

// configured runs a configured check within its timeout.
func (c *Checker) configured(ctx context.Context, t transport.Transport, check fleet.Check) Result {
	ctx, cancel := context.WithTimeout(ctx, check.Timeout)
	defer cancel()
	if check.HTTP != "" {
		return c.httpCheck(ctx, check)
	}
	res, err := t.Run(ctx, check.Cmd)
	switch {
	case transport.IsNotFound(err):
		return result(check.Name, Fail, check.Cmd[0]+" not found on the host")
	case err != nil:
		return result(check.Name, Fail, contextDetail(ctx, err))
	}
	detail := lastLine(string(res.Stdout))
	if detail == "" {
		detail = "exit status 0"
	}
	return result(check.Name, OK, detail)
}

func (c *Checker) httpCheck(ctx context.Context, check fleet.Check) Result {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, check.HTTP, nil)
	if err != nil {
		return result(check.Name, Fail, err.Error())
	}
	resp, err := c.client().Do(req)
	if err != nil {
		return result(check.Name, Fail, err.Error())
	}
	resp.Body.Close()
	detail := fmt.Sprintf("HTTP %d from %s", resp.StatusCode, check.HTTP)
	if resp.StatusCode != check.ExpectStatus {
		return result(check.Name, Fail, fmt.Sprintf("%s, want %d", detail, check.ExpectStatus))
	}
	return result(check.Name, OK, detail)
}

func (c *Checker) client() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

// contextDetail describes err, saying "timed out" when ctx expired.
func contextDetail(ctx context.Context, err error) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return "timed out"
	}
	if transport.IsUnreachable(err) {
		return err.Error()
	}
	return errorDetail(err)
}
