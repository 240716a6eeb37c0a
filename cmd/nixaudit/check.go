package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/internal/atomicfile"
	"github.com/nixaudit/nixaudit/report"
	"github.com/nixaudit/nixaudit/rules/all"
)

func init() { subcommands = append(subcommands, newCheckCmd) }

// checkFlags are the flags of `nixaudit check` that are not Options.
type checkFlags struct {
	format, output, color string
	statistics, quiet     bool
}

func newCheckCmd() *cobra.Command {
	var opts analyzer.Options
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Audit Nix files (default: the current directory; - reads stdin)",
		Long: "Audit the Nix files under each PATH (default .), honouring .gitignore, and report the\n" +
			"findings. Exit status: 0 no finding at or above --fail-on, 1 blocking findings,\n" +
			"2 usage, configuration or I/O error.",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			return runCheck(cmd, opts, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fl.StringVarP(&f.output, "output", "o", "", "write the report to `FILE` instead of stdout (whole or not at all)")
	fl.StringVar(&f.color, "color", "auto", "colour the text output: auto, always or never (auto honours NO_COLOR)")
	fl.BoolVar(&f.statistics, "statistics", false, "append the number of findings per rule")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print findings only")
	fl.StringVar(&opts.ConfigPath, "config", "", "read the configuration from `FILE` instead of the .nixaudit.toml found upward from the first path")
	fl.StringSliceVar(&opts.Select, "select", nil, "run only these rules or categories (comma-separated; all)")
	fl.StringSliceVar(&opts.Enable, "enable", nil, "also run these rules or categories")
	fl.StringSliceVar(&opts.Disable, "disable", nil, "do not run these rules or categories")
	fl.StringArrayVar(&opts.Exclude, "exclude", nil, "skip files matching this gitignore-style `GLOB` (repeatable)")
	fl.StringVar(&opts.FailOn, "fail-on", "", "exit 1 on findings at or above this severity: error, warning, info or none (default from config, else error)")
	fl.BoolVar(&opts.Fix, "fix", false, "apply safe fixes")
	fl.BoolVar(&opts.UnsafeFixes, "unsafe-fixes", false, "with --fix or --diff, also apply unsafe fixes")
	fl.BoolVar(&opts.Diff, "diff", false, "print the fixes as a unified diff and write nothing")
	fl.StringVar(&opts.Baseline, "baseline", "", "hide the findings recorded in `FILE`")
	fl.StringVar(&opts.WriteBaseline, "write-baseline", "", "record the findings in `FILE`")
	fl.StringVar(&opts.StdinFilename, "stdin-filename", "", "the file name to report for - (stdin)")
	return cmd
}

func runCheck(cmd *cobra.Command, opts analyzer.Options, f checkFlags) error {
	if !slices.Contains(report.Formats, f.format) {
		return fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(report.Formats, ", "))
	}
	if _, err := report.UseColor(f.color, nil); err != nil {
		return err
	}
	opts.Rules = all.Rules()
	opts.Stdin = cmd.InOrStdin()
	if isTerminal(cmd.ErrOrStderr()) {
		opts.Progress = cmd.ErrOrStderr()
	}
	out, err := analyzer.Check(cmd.Context(), opts)
	if err != nil {
		return err
	}
	out.Result.ToolVersion = version
	stdout := cmd.OutOrStdout()
	reportTo := stdout
	switch {
	case opts.Diff:
		if _, err := io.WriteString(stdout, out.Diff); err != nil {
			return err
		}
		reportTo = nil
	case out.FixedStdin != nil:
		// The fixed source goes to stdout, as editors expect; the report
		// goes to stderr.
		if _, err := stdout.Write(out.FixedStdin); err != nil {
			return err
		}
		reportTo = cmd.ErrOrStderr()
	}
	// The report file is written whole or not at all: a CI step that
	// uploads it never finds half a SARIF log.
	var output *bytes.Buffer
	if f.output != "" {
		output = &bytes.Buffer{}
		reportTo = output
	}
	if !f.quiet {
		for _, name := range out.Skipped {
			fmt.Fprintf(cmd.ErrOrStderr(), "nixaudit: skipped %s: not a .nix file\n", name)
		}
	}
	switch {
	case reportTo == nil:
	case out.Result.Summary.Files == 0 && f.format == "text":
		// "No problems found in 0 files" would hide a wrong path.
		if !f.quiet {
			if _, err := fmt.Fprintf(reportTo, "No .nix files found in %s.\n", describePaths(opts.Paths)); err != nil {
				return err
			}
		}
	default:
		color, _ := report.UseColor(f.color, fileOf(reportTo)) // the mode was checked above
		ropts := report.Options{Color: color, Statistics: f.statistics, Quiet: f.quiet}
		if err := report.Write(reportTo, f.format, out.Result, ropts); err != nil {
			return err
		}
	}
	if output != nil {
		if err := atomicfile.WriteFile(f.output, output.Bytes(), atomicfile.ModeOf(f.output, 0o644)); err != nil {
			return fmt.Errorf("--output: %w", err)
		}
	}
	if len(out.FixedFiles) > 0 && !f.quiet {
		fmt.Fprintf(cmd.ErrOrStderr(), "nixaudit: fixed %s\n", strings.Join(out.FixedFiles, ", "))
	}
	if len(out.Blocking) > 0 {
		return exitError{code: exitFindings}
	}
	return nil
}

// describePaths names the paths given to check for a message.
func describePaths(paths []string) string {
	if len(paths) == 0 || len(paths) == 1 && paths[0] == "." {
		return "the current directory"
	}
	return strings.Join(paths, ", ")
}

// fileOf returns w as a file, or nil when it is not one.
func fileOf(w io.Writer) *os.File {
	f, _ := w.(*os.File)
	return f
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f := fileOf(w)
	return f != nil && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}
