package main

import (
	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/all"
)

func init() { subcommands = append(subcommands, newExplainCmd) }

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Show the documentation of a rule",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return analyzer.Explain(cmd.OutOrStdout(), all.Rules(), args[0])
		},
	}
}
