package health

import (
	"context"
	"fmt"
	"strings"

	"github.com/nixaudit/nixaudit/ops/transport"
)

// checkSystemd asks systemd for the system's state and lists failed
// units. "running" is ok; "degraded" (some unit failed) fails; starting
// up or shutting down warns, as does a host without systemctl or without
// systemd running.
func checkSystemd(ctx context.Context, t transport.Transport) Result {
	const name = "systemd"
	res, err := t.Run(ctx, []string{"systemctl", "is-system-running"})
	if transport.IsNotFound(err) {
		return result(name, Warn, "systemctl not found on the host")
	}
	state := strings.TrimSpace(string(stdout(res)))
	if state == "" {
		return result(name, Warn, "systemctl is-system-running: "+errorDetail(err))
	}
	switch state {
	case "running":
		return result(name, OK, "running")
	case "degraded":
		res, err := t.Run(ctx, []string{"systemctl", "--failed", "--no-legend", "--plain"})
		if err != nil {
			return result(name, Fail, "degraded (listing failed units: "+errorDetail(err)+")")
		}
		return result(name, Fail, "degraded: "+failedUnits(string(res.Stdout)))
	case "offline":
		return result(name, Warn, "offline: systemd is not running on the host")
	}
	return result(name, Warn, state)
}

// failedUnits summarizes `systemctl --failed --no-legend --plain`: one
// unit per line, its name first.
func failedUnits(out string) string {
	var units []string
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			units = append(units, f[0])
		}
	}
	if len(units) == 0 {
		return "no failed unit listed"
	}
	return fmt.Sprintf("%s failed: %s", plural(len(units), "unit"), strings.Join(units, ", "))
}
