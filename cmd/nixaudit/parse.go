package main

import (
	"fmt"
	"io"

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
and the exit status is then 1. A FILE that cannot be read is reported
there too, the other files are still parsed, and the exit status is 2.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// With no file, ParseFiles only checks the mode.
			if _, err := printer.ParseFiles(io.Discard, io.Discard, nil, printer.Mode(mode)); err != nil {
				return err
			}
			// One file at a time, so a file that cannot be read does not
			// keep the others from being parsed.
			code := exitOK
			for _, file := range args {
				hadErrors, err := printer.ParseFiles(cmd.OutOrStdout(), cmd.ErrOrStderr(), []string{file}, printer.Mode(mode))
				switch {
				case err != nil:
					fmt.Fprintln(cmd.ErrOrStderr(), "nixaudit:", err)
					code = exitUsage
				case hadErrors:
					code = max(code, exitFindings)
				}
			}
			if code != exitOK {
				return exitError{code: code}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&mode, "print", "nix", "output: nix, ast or json")
	return cmd
}
