package main

import (
	"fmt"
	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/ops/gate"
	oprun "github.com/nixaudit/nixaudit/ops/run"
	"github.com/nixaudit/nixaudit/ops/update"
)

func init() { subcommands = append(subcommands, newUpdateCmd) }

func newUpdateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Update flake inputs or a package's version, behind the audit gate",
		Long: "Update flake inputs (update flake) or a package's version and source hash (update\n" +
			"package), after the audit passes. Exit status: 0 done, 2 usage or configuration error,\n" +
			"3 refused by the audit gate (nothing changed), 4 the update failed (what was restored is said).",
		// Without these, cobra prints the help and exits 0 for `update` and
		// `update bogus`: a script would take that for success.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("update: name what to update: flake or package (see nixaudit update --help)")
			}
			return fmt.Errorf("update: unknown command %q (want flake or package)", args[0])
		},
	}
	cmd.AddCommand(newUpdateFlakeCmd(), newUpdatePackageCmd())
	return cmd
}

// updateEnv runs tools from $PATH, with progress on a terminal only.
func updateEnv(cmd *cobra.Command) *update.Env {
	return &update.Env{
		Runner: &oprun.Runner{Progress: gate.Progress(cmd.ErrOrStderr())},
		Stdout: cmd.OutOrStdout(),
		Stderr: cmd.ErrOrStderr(),
	}
}

// addCommonFlags registers the flags both updates share.
func addCommonFlags(cmd *cobra.Command, c *update.Common) {
	fl := cmd.Flags()
	c.Gate.Register(fl)
	fl.StringVarP(&c.Dir, "flake", "C", ".", "the flake's `DIR`ectory")
	fl.BoolVar(&c.AllowDirty, "allow-dirty", false, "allow uncommitted changes to tracked files")
	fl.BoolVar(&c.Commit, "commit", false, "commit the change")
	fl.BoolVar(&c.PR, "pr", false, "commit, push the commit to a new branch and open a pull request with gh")
	fl.StringVar(&c.Remote, "remote", "origin", "the git remote --pr pushes to")
}

func newUpdateFlakeCmd() *cobra.Command {
	var opts update.FlakeOptions
	cmd := &cobra.Command{
		Use:   "flake [INPUT...]",
		Short: "Update the flake's inputs (default: all) and report what moved",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Inputs = args
			return opsExit(cmd, update.UpdateFlake(cmd.Context(), updateEnv(cmd), opts))
		},
	}
	addCommonFlags(cmd, &opts.Common)
	fl := cmd.Flags()
	fl.BoolVar(&opts.Build, "build", false, "build every host's system and restore the lock if a build fails")
	fl.IntVar(&opts.MaxParallel, "max-parallel", 0, "builds run at once (default: deploy.max-parallel from config, else 4)")
	fl.BoolVar(&opts.DryRun, "dry-run", false, "update a temporary copy and report; change nothing")
	return cmd
}

func newUpdatePackageCmd() *cobra.Command {
	var opts update.PackageOptions
	cmd := &cobra.Command{
		Use:   "package ATTR (--version V | --version-from github:OWNER/REPO)",
		Short: "Set a package's version, recompute its source hash and build it",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Attr = args[0]
			return opsExit(cmd, update.UpdatePackage(cmd.Context(), updateEnv(cmd), opts))
		},
	}
	addCommonFlags(cmd, &opts.Common)
	fl := cmd.Flags()
	fl.StringVar(&opts.Version, "version", "", "the new `VERSION`")
	fl.StringVar(&opts.VersionFrom, "version-from", "", "take the version from the latest release of `github:OWNER/REPO`")
	fl.StringVar(&opts.File, "file", "", "the `FILE` defining the package (default: from meta.position)")
	return cmd
}
