package main

import (
	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/nixparse/printer"
)

func init() { subcommands = append(subcommands, newParseCmd) }

func newParseCmd() *cobra.Command {
	var mode string
	cmd := &cobra.Command{
		Use:   "parse [--print=nix|ast|json] FILE...",
		Short: "Parse Nix files and print them as nix-instantiate --parse does, or as a syntax tree",
		Long: `Parse prints each FILE:
  --print=nix   one line per file, equal to what nix-instantiate --parse prints (Nix 2.8)
  --print=ast   the syntax tree, indented, with line:column extents
  --print=json  the syntax tree and errors as one JSON document per file and line
Syntax and semantic errors go to stderr as FILE:LINE:COL: error: MESSAGE,
and the exit status is then 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			hadErrors, err := printer.ParseFiles(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, printer.Mode(mode))
			if err != nil {
				return err
			}
			if hadErrors {
				return exitError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&mode, "print", "nix", "output: nix, ast or json")
	return cmd
}
