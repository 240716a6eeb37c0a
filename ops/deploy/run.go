package deploy

import (
	"context"
	"io"

	"github.com/nixaudit/nixaudit/ops/fleet"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/health"
	"github.com/nixaudit/nixaudit/ops/run"
)

// Command are the options of `nixaudit deploy` and `nixaudit rollback`.
type Command struct {
	// Dir is the flake's directory.
	Dir string
	// Gate holds --format, --config, --skip-audit and --reason.
	Gate gate.Flags
	// On and All select hosts (see fleet.Fleet.Select).
	On      []string
	All     bool
	Options Options
}

// Env is what a deploy runs with.
type Env struct {
	// Runner runs the tools (nil: a run.Runner streaming labelled
	// progress to Progress).
	Runner run.Interface
	// Stdout gets the report, Stderr the gate's messages; Progress (a
	// terminal, or nil) a line per step.
	Stdout, Stderr, Progress io.Writer
}

// Run deploys (rollback false) or rolls back the selected hosts and
// writes the report. Its error decides the exit status (see gate.ExitCode).
func Run(ctx context.Context, env Env, c Command, rollback bool) error {
	// The runner's commands and the per-host steps write at once.
	env.Progress = run.SyncWriter(env.Progress)
	s, err := fleet.Open(ctx, env.runner(), c.Dir, c.Gate.ConfigPath)
	if err != nil {
		return err
	}
	defer s.Close()
	opts, err := c.Options.WithConfig(s.Config.Deploy)
	if err != nil {
		return &gate.UsageError{Err: err}
	}
	hosts, err := s.Select(c.On, c.All)
	if err != nil {
		return err
	}
	d := &Deployer{
		Nix:      s.Nix,
		Fleet:    s.Fleet,
		Connect:  s.Connect,
		Checker:  &health.Checker{Connect: s.Connect},
		Options:  opts,
		Progress: env.Progress,
	}
	var rep *Report
	if rollback {
		rep, err = d.Rollback(ctx, hosts)
	} else {
		rep, err = d.Deploy(ctx, c.Gate.Options(c.Dir), env.Stderr, hosts)
	}
	if rep != nil {
		if werr := rep.Write(env.Stdout, c.Gate.Format); werr != nil {
			return werr
		}
	}
	return err
}

func (e Env) runner() run.Interface {
	if e.Runner != nil {
		return e.Runner
	}
	return &run.Runner{Progress: e.Progress}
}
