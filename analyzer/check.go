package analyzer

import (
	"context"
	"errors"
	"io"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/report"
)

// Options configure one audit run (nixaudit check, and the gate of the
// fleet operations).
type Options struct {
	// Paths are the files and directories to audit; "-" reads Stdin.
	// Empty means ".".
	Paths []string
	// Stdin is read for the path "-", reported as StdinFilename.
	Stdin         io.Reader
	StdinFilename string
	// ConfigPath is an explicit .nixaudit.toml; "" finds one upward from
	// the first path.
	ConfigPath string
	// Rules is the full registry (callers pass all.Rules()).
	Rules []*Rule
	// Select runs only these rules or categories; Enable and Disable add
	// to and remove from the enabled set. "all" names every rule.
	Select, Enable, Disable []string
	// Exclude adds globs to the configuration's exclude list.
	Exclude []string
	// FailOn overrides the configuration's fail-on: "error", "warning",
	// "info" or "none"; "" keeps the configuration's (default "error").
	FailOn string
	// Fix applies safe fixes, UnsafeFixes also the unsafe ones; with Diff
	// the fixes are rendered as a unified diff and nothing is written.
	Fix, UnsafeFixes, Diff bool
	// Baseline hides the findings recorded in this file; WriteBaseline
	// records the run's findings in this file.
	Baseline, WriteBaseline string
	// Progress, when set, receives a file counter while files are
	// analyzed (the CLI sets it to stderr on a terminal only).
	Progress io.Writer
}

// Outcome is the result of a run.
type Outcome struct {
	Result *report.Result
	// Blocking are the findings at or above FailOn.
	Blocking []report.Diagnostic
	// FailOn is the effective threshold; 0 ("none") blocks nothing.
	FailOn Severity
	Config *config.Config
	// Diff is the unified diff of the fixes (with Options.Diff).
	Diff string
	// FixedFiles lists the files --fix rewrote, sorted.
	FixedFiles []string
}

// ErrUsage marks errors caused by the invocation or the configuration
// (exit code 2), as opposed to findings.
var ErrUsage = errors.New("usage error")

// Check runs the audit described by opts.
func Check(ctx context.Context, opts Options) (*Outcome, error) {
	return nil, errors.New("analyzer.Check: not implemented yet")
}
