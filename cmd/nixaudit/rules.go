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
		Use:   "rules [RULE|CATEGORY…]",
		Short: "List the rules, or those named (rules or categories)",
		RunE: func(cmd *cobra.Command, names []string) error {
			rules := all.Rules()
			if len(names) > 0 {
				var err error
				if rules, err = analyzer.LookupAll(rules, names); err != nil {
					return err
				}
			}
			return analyzer.WriteRules(cmd.OutOrStdout(), rules, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: "+strings.Join(analyzer.ListFormats, ", "))
	return cmd
}
