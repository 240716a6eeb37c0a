package main

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/nixaudit/nixaudit/ops/deploy"
	"github.com/nixaudit/nixaudit/ops/gate"
)

func init() { subcommands = append(subcommands, newDeployCmd) }

func newDeployCmd() *cobra.Command {
	var c deploy.Command
	cmd := &cobra.Command{
		Use:   "deploy [--on NAME,@tag,glob | --all]",
		Short: "Build and deploy the fleet behind the audit gate, verified, with automatic rollback",
		Long: "Audit the flake (refused: nothing is touched), build every selected host's system (a failed\n" +
			"build stops before any host is touched), then per host copy, activate and verify it;\n" +
			"a host whose activation or verification fails is rolled back. Exit status: 0 every host\n" +
			"deployed or unchanged, 2 usage or configuration error, 3 refused by the audit gate,\n" +
			"4 otherwise.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return opsExit(cmd, deploy.Run(cmd.Context(), deployEnv(cmd), c, false))
		},
	}
	fl := cmd.Flags()
	registerFleetFlags(fl, &c)
	c.Gate.Register(fl)
	fl.StringVar(&c.Options.Strategy, "strategy", deploy.Parallel, "parallel, rolling (one host at a time, stop at the first failure) or canary (the first host, then the rest)")
	fl.IntVar(&c.Options.MaxParallel, "max-parallel", 0, "hosts built and activated at once (default from [deploy] max-parallel, else 4)")
	fl.StringVar(&c.Options.Mode, "mode", "switch", "switch-to-configuration action: switch, boot, test or dry-activate")
	fl.BoolVar(&c.Options.DryRun, "dry-run", false, "build and print the plan; touch no host")
	fl.BoolVar(&c.Options.Force, "force", false, "redeploy hosts already running the built system")
	return cmd
}

// registerFleetFlags adds the flake directory and host selection flags.
func registerFleetFlags(fl *pflag.FlagSet, c *deploy.Command) {
	fl.StringVar(&c.Dir, "flake", ".", "the flake's `DIR`ectory")
	fl.StringSliceVar(&c.On, "on", nil, "the hosts: comma-separated names, @tags and globs, in this order")
	fl.BoolVar(&c.All, "all", false, "every host of the flake")
}

// deployEnv runs tools with progress on a terminal.
func deployEnv(cmd *cobra.Command) deploy.Env {
	progress := gate.Progress(os.Stderr)
	return deploy.Env{Stdout: cmd.OutOrStdout(), Stderr: cmd.ErrOrStderr(), Progress: progress}
}
