package main

import (
	"os"

	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/health"
)

func init() { subcommands = append(subcommands, newHealthCmd) }

func newHealthCmd() *cobra.Command {
	opts := health.Options{Format: gate.Text}
	cmd := &cobra.Command{
		Use:   "health [--on NAME,@tag,glob | --all]",
		Short: "Check the fleet's hosts: reachability, systemd, disk, memory, current system, configured checks, monitoring",
		Long: "Check the selected hosts in parallel (read-only) and report each as healthy, degraded,\n" +
			"unhealthy or unreachable, with Prometheus's down targets and Alertmanager's firing alerts\n" +
			"when [monitoring] is configured. Exit status: 0 every host healthy, 1 otherwise,\n" +
			"2 usage or configuration error.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			progress := gate.Progress(os.Stderr)
			env := health.Env{Stdout: cmd.OutOrStdout(), Progress: progress}
			healthy, err := health.Run(cmd.Context(), env, opts)
			if err != nil {
				return opsExit(cmd, err)
			}
			if !healthy {
				return exitError{code: exitFindings}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Dir, "flake", ".", "the flake's `DIR`ectory")
	fl.StringVar(&opts.ConfigPath, "config", "", "use this `.nixaudit.toml` instead of searching upward from the flake")
	fl.Var(&opts.Format, "format", "output format: text, json or markdown")
	fl.StringSliceVar(&opts.On, "on", nil, "the hosts: comma-separated names, @tags and globs, in this order")
	fl.BoolVar(&opts.All, "all", false, "every host of the flake")
	fl.BoolVar(&opts.WithEval, "with-eval", false, "also check that each host runs what the flake builds (evaluates the flake)")
	fl.DurationVar(&opts.HostTimeout, "timeout", health.DefaultHostTimeout, "time allowed for each host's checks")
	return cmd
}
