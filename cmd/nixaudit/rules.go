package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/all"
)

func init() { subcommands = append(subcommands, newRulesCmd) }

func newRulesCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return analyzer.WriteRules(cmd.OutOrStdout(), all.Rules(), format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(analyzer.ListFormats, ", "))
	return cmd
}
