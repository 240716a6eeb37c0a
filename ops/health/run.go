package health

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
)

// Options are `nixaudit health`'s.
type Options struct {
	// Dir is the flake's directory; ConfigPath an explicit .nixaudit.toml.
	Dir, ConfigPath string
	Format          gate.Format
	// On and All select hosts (see fleet.Fleet.Select).
	On  []string
	All bool
	// WithEval compares each host's running system with what the flake
	// builds (evaluated, not built).
	WithEval bool
	// HostTimeout bounds each host's checks (0: DefaultHostTimeout).
	HostTimeout time.Duration
}

// Env is what health runs with.
type Env struct {
	// Runner runs the tools (nil: a run.Runner streaming labelled
	// progress to Progress).
	Runner run.Interface
	// Stdout gets the report; Progress (a terminal, or nil) a line per
	// host as it finishes.
	Stdout, Progress io.Writer
	HTTP             *http.Client
}

// Run checks the selected hosts and writes the report. It returns
// whether every host is healthy; an error means the checks could not
// start (configuration, flake, selection).
func Run(ctx context.Context, env Env, opts Options) (bool, error) {
	// The runner's commands and the per-host steps write at once.
	env.Progress = run.SyncWriter(env.Progress)
	s, err := fleet.Open(ctx, env.runner(), opts.Dir, opts.ConfigPath)
	if err != nil {
		return false, err
	}
	defer s.Close()
	hosts, err := s.Select(opts.On, opts.All)
	if err != nil {
		return false, err
	}
	c := &Checker{Connect: s.Connect, HTTP: env.HTTP, HostTimeout: opts.HostTimeout, Progress: env.Progress}
	if opts.WithEval {
		c.Expected = func(ctx context.Context, host string) (string, error) {
			out, err := s.Nix.Run(ctx, "", "eval", "--raw", s.Fleet.Toplevel(host)+".outPath")
			return strings.TrimSpace(string(out)), err
		}
	}
	rep := c.Check(ctx, hosts, &s.Config.Monitoring)
	if err := rep.Write(env.Stdout, opts.Format); err != nil {
		return false, err
	}
	return rep.Healthy(), nil
}

func (e Env) runner() run.Interface {
	if e.Runner != nil {
		return e.Runner
	}
	return &run.Runner{Progress: e.Progress}
}
