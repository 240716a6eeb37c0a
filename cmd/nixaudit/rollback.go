package main

import (
	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/ops/deploy"
	"github.com/nixaudit/nixaudit/ops/gate"
)

func init() { subcommands = append(subcommands, newRollbackCmd) }

func newRollbackCmd() *cobra.Command {
	c := deploy.Command{Gate: gate.Flags{Format: gate.Text}}
	cmd := &cobra.Command{
		Use:   "rollback [--on NAME,@tag,glob | --all]",
		Short: "Switch hosts back to their previous system generation, verified",
		Long: "Switch each selected host's profile to its previous generation and activate it, verified\n" +
			"like a deploy (a host that fails is put back). No audit gate: it returns hosts to systems\n" +
			"they already ran. Exit status: 0 every host rolled back, 2 usage or configuration error,\n" +
			"4 otherwise.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return opsExit(cmd, deploy.Run(cmd.Context(), deployEnv(cmd), c, true))
		},
	}
	fl := cmd.Flags()
	registerFleetFlags(fl, &c)
	fl.StringVar(&c.Gate.ConfigPath, "config", "", "use this `.nixaudit.toml` instead of searching upward from the flake")
	fl.Var(&c.Gate.Format, "format", "output format: text, json or markdown")
	fl.StringVar(&c.Options.Strategy, "strategy", deploy.Parallel, "parallel, rolling or canary")
	fl.IntVar(&c.Options.MaxParallel, "max-parallel", 0, "hosts rolled back at once (default from [deploy] max-parallel, else 4)")
	return cmd
}
