package gate

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/report"
	"github.com/nixaudit/nixaudit/rules/all"
)

// Options configure the gate.
type Options struct {
	// Dir is the flake directory audited.
	Dir string
	// ConfigPath is an explicit .nixaudit.toml; "" finds one upward from
	// Dir, as `nixaudit check` does.
	ConfigPath string
	// SkipAudit skips the audit; Reason must then say why.
	SkipAudit bool
	Reason    string
	// Rules is the registry run; nil means all.Rules(), the same as
	// `nixaudit check`.
	Rules []*analyzer.Rule
}

// Audit is what the gate did, as recorded in an operation's JSON output.
type Audit struct {
	Skipped bool   `json:"skipped"`
	Reason  string `json:"reason,omitempty"`
	// FailOn is the effective threshold ("error", "warning", "info" or
	// "none"); empty when skipped.
	FailOn   string `json:"fail_on,omitempty"`
	Findings int    `json:"findings"`
	Blocking int    `json:"blocking"`
}

// MaxListed is how many blocking findings a refusal lists before it
// only counts the rest.
const MaxListed = 20

// Check runs the audit on opts.Dir. With SkipAudit it only prints the
// reason to w. When blocking findings exist it prints them to w and
// returns a *RefusedError; errors of the audit itself (configuration,
// I/O) are usage errors. It changes nothing.
func Check(ctx context.Context, opts Options, w io.Writer) (Audit, error) {
	if opts.SkipAudit {
		if opts.Reason == "" {
			return Audit{}, Usage("--skip-audit needs --reason \"…\" saying why the audit is skipped")
		}
		fmt.Fprintf(w, "nixaudit: audit skipped: %s\n", opts.Reason)
		return Audit{Skipped: true, Reason: opts.Reason}, nil
	}
	if opts.Reason != "" {
		return Audit{}, Usage("--reason is only used with --skip-audit")
	}
	rules := opts.Rules
	if rules == nil {
		rules = all.Rules()
	}
	out, err := analyzer.Check(ctx, analyzer.Options{Paths: []string{opts.Dir}, Rules: rules, ConfigPath: opts.ConfigPath})
	if err != nil {
		return Audit{}, &UsageError{Err: fmt.Errorf("audit: %w", err)}
	}
	a := Audit{FailOn: out.FailOn.String(), Findings: len(out.Result.Diagnostics), Blocking: len(out.Blocking)}
	if len(out.Blocking) > 0 {
		writeRefusal(w, out.Blocking, a.FailOn)
		return a, &RefusedError{Audit: a}
	}
	return a, nil
}

// writeRefusal lists the blocking findings, at most MaxListed of them.
func writeRefusal(w io.Writer, blocking []report.Diagnostic, failOn string) {
	fmt.Fprintf(w, "nixaudit: refused: the audit found %s at or above fail-on = %s:\n", plural(len(blocking), "blocking finding"), failOn)
	for i, d := range blocking {
		if i == MaxListed {
			fmt.Fprintf(w, "  … and %d more (run `nixaudit check` to see them all)\n", len(blocking)-MaxListed)
			break
		}
		fmt.Fprintf(w, "  %s:%d:%d: %s[%s] %s\n", d.File, d.Line, d.Column, d.Severity, d.Rule, d.Message)
	}
	fmt.Fprintln(w, "Nothing was changed. Fix the findings, or override with --skip-audit --reason \"…\".")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// IsRefused reports whether err is the gate's refusal.
func IsRefused(err error) bool {
	var r *RefusedError
	return errors.As(err, &r)
}
