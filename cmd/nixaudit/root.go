package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// Exit codes shared by every subcommand.
const (
	exitOK       = 0
	exitFindings = 1 // check: blocking findings; health: unhealthy
	exitUsage    = 2 // usage, config or I/O error
	exitGate     = 3 // refused by the audit gate
	exitFailed   = 4 // the operation failed
)

// exitError carries an exit code out of a command whose message (if any)
// has already been printed.
type exitError struct{ code int }

func (e exitError) Error() string { return "exit status" }

func exitCodeOf(err error) (int, bool) {
	var e exitError
	if errors.As(err, &e) {
		return e.code, true
	}
	return 0, false
}

// subcommands are registered by the files that define them, from init.
var subcommands []func() *cobra.Command

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "nixaudit",
		Short:         "Audit Nix code, and update, check and deploy NixOS fleets behind that audit",
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	for _, sub := range subcommands {
		root.AddCommand(sub())
	}
	return root
}
