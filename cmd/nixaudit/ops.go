package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/ops/gate"
)

// opsExit turns the error of an operation (update, health, deploy) into
// the CLI's exit: it prints the error unless it is the gate's refusal,
// whose findings were already printed, and returns the exitError whose
// code gate.ExitCode gives (3 refused, 4 failed, 2 otherwise).
func opsExit(cmd *cobra.Command, err error) error {
	if err == nil {
		return nil
	}
	if !gate.IsRefused(err) {
		fmt.Fprintln(cmd.ErrOrStderr(), "nixaudit:", err)
	}
	return exitError{code: gate.ExitCode(err)}
}
