package deploy

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/health"
)

// Result is how a host's deploy ended.
type Result string

// Host results. Planned is a dry run's host that would change.
const (
	Deployed   Result = "deployed"
	Unchanged  Result = "unchanged"
	RolledBack Result = "rolled-back"
	Failed     Result = "failed"
	Skipped    Result = "skipped"
	Planned    Result = "planned"
)

// ok reports whether the result counts as success (exit status 0).
func (r Result) ok() bool { return r == Deployed || r == Unchanged || r == Planned }

// Durations are how long a host's steps took.
type Durations struct {
	Build    time.Duration `json:"-"`
	Copy     time.Duration `json:"-"`
	Activate time.Duration `json:"-"`
	Verify   time.Duration `json:"-"`
}

// MarshalJSON writes the durations in seconds.
func (d Durations) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]float64{
		"build_s": d.Build.Seconds(), "copy_s": d.Copy.Seconds(),
		"activate_s": d.Activate.Seconds(), "verify_s": d.Verify.Seconds(),
	})
}

// Total is the sum of the steps.
func (d Durations) Total() time.Duration { return d.Build + d.Copy + d.Activate + d.Verify }

// HostResult is one host's outcome.
type HostResult struct {
	Name    string `json:"name"`
	Result  Result `json:"result"`
	OldPath string `json:"old_path"`
	NewPath string `json:"new_path"`
	// Error says why the host failed or was rolled back.
	Error string `json:"error,omitempty"`
	// Log lists what was done on the host, in order.
	Log       []string        `json:"log"`
	Checks    []health.Result `json:"checks,omitempty"`
	Durations Durations       `json:"durations"`
}

func (h *HostResult) logf(format string, args ...any) {
	h.Log = append(h.Log, fmt.Sprintf(format, args...))
}

// Report is a deploy's (or a rollback's) outcome.
type Report struct {
	Operation string       `json:"operation"` // "deploy" or "rollback"
	Strategy  string       `json:"strategy"`
	Mode      string       `json:"mode"`
	DryRun    bool         `json:"dry_run"`
	Audit     *gate.Audit  `json:"audit,omitempty"`
	Hosts     []HostResult `json:"hosts"`
}

// OK reports whether every host ended deployed or unchanged.
func (r *Report) OK() bool {
	for _, h := range r.Hosts {
		if !h.Result.ok() {
			return false
		}
	}
	return true
}

// Err is nil when the report is OK, else the failure to exit with (4),
// saying what was restored.
func (r *Report) Err() error {
	if r.OK() {
		return nil
	}
	counts := map[Result]int{}
	for _, h := range r.Hosts {
		counts[h.Result]++
	}
	restored := ""
	if counts[RolledBack] > 0 {
		restored = fmt.Sprintf("%d host(s) rolled back to their previous system", counts[RolledBack])
	}
	return gate.Failed(fmt.Errorf("%s: %s", r.Operation, r.summary()), restored)
}

// Write renders the report in format.
func (r *Report) Write(w io.Writer, format gate.Format) error {
	return gate.Render(w, format, r, r.writeText, r.writeMarkdown)
}

func (r *Report) writeText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "HOST\tRESULT\tOLD\tNEW\tTIME")
	for _, h := range r.Hosts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", h.Name, h.Result, orDash(h.OldPath), orDash(h.NewPath), h.Durations.Total().Round(time.Millisecond))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, h := range r.Hosts {
		if h.Error != "" {
			fmt.Fprintf(w, "%s: %s\n", h.Name, indent(h.Error))
		}
	}
	_, err := fmt.Fprintln(w, r.title()+": "+r.summary())
	return err
}

func (r *Report) writeMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "## %s\n\n%s\n\n| Host | Result | Old system | New system | Time |\n|---|---|---|---|---|\n", r.title(), r.summary())
	for _, h := range r.Hosts {
		fmt.Fprintf(w, "| %s | %s | `%s` | `%s` | %s |\n", h.Name, h.Result, orDash(h.OldPath), orDash(h.NewPath), h.Durations.Total().Round(time.Millisecond))
	}
	for _, h := range r.Hosts {
		if len(h.Log) == 0 && h.Error == "" {
			continue
		}
		fmt.Fprintf(w, "\n### %s\n\n", h.Name)
		for _, l := range h.Log {
			fmt.Fprintf(w, "- %s\n", strings.ReplaceAll(l, "\n", " "))
		}
		if h.Error != "" {
			fmt.Fprintf(w, "\n```\n%s\n```\n", h.Error)
		}
	}
	return nil
}

func (r *Report) title() string {
	t := r.Operation
	if r.Mode != "" {
		t += " (" + r.Mode
		if r.Strategy != "" {
			t += ", " + r.Strategy
		}
		t += ")"
	}
	if r.DryRun {
		t += ", dry run"
	}
	return t
}

// summary counts hosts by result: "3 hosts: 2 deployed, 1 rolled-back".
func (r *Report) summary() string {
	counts := map[Result]int{}
	for _, h := range r.Hosts {
		counts[h.Result]++
	}
	var parts []string
	for _, res := range []Result{Planned, Deployed, Unchanged, RolledBack, Failed, Skipped} {
		if counts[res] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[res], res))
		}
	}
	n := fmt.Sprintf("%d hosts", len(r.Hosts))
	if len(r.Hosts) == 1 {
		n = "1 host"
	}
	return n + ": " + strings.Join(parts, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func indent(s string) string { return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ") }
