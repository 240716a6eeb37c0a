package health

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/nixaudit/nixaudit/ops/gate"
)

// Write renders the report in format.
func (r *Report) Write(w io.Writer, format gate.Format) error {
	return gate.Render(w, format, r, r.writeText, r.writeMarkdown)
}

// writeText is a table with a row per check, the host's name and status
// on its first row.
func (r *Report) writeText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "HOST\tSTATUS\tCHECK\tRESULT\tDETAIL")
	for _, h := range r.Hosts {
		name, st := h.Name, string(h.Status)
		for _, c := range h.Checks {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, st, c.Name, c.Level, oneLine(c.Detail))
			name, st = "", ""
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.Monitoring != nil {
		r.Monitoring.writeText(w)
	}
	_, err := fmt.Fprintln(w, r.summary())
	return err
}

func (m *Monitoring) writeText(w io.Writer) {
	if p := m.Prometheus; p != nil {
		if p.Error != "" {
			fmt.Fprintf(w, "Prometheus %s: %s\n", p.URL, p.Error)
		} else {
			fmt.Fprintf(w, "Prometheus %s: %d up, %d down\n", p.URL, p.TargetsUp, len(p.Down))
		}
		for _, t := range p.Down {
			fmt.Fprintf(w, "  down: %s (job %s): %s\n", t.Instance, t.Job, t.LastError)
		}
	}
	if a := m.Alertmanager; a != nil {
		if a.Error != "" {
			fmt.Fprintf(w, "Alertmanager %s: %s\n", a.URL, a.Error)
		} else {
			fmt.Fprintf(w, "Alertmanager %s: %s firing\n", a.URL, plural(len(a.Firing), "alert"))
		}
		for _, al := range a.Firing {
			fmt.Fprintf(w, "  firing: %s%s\n", al.Name, suffix(al.Summary))
		}
	}
}

func (r *Report) writeMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "## Fleet health\n\n%s\n\n| Host | Status | Problems |\n|---|---|---|\n", r.summary())
	for _, h := range r.Hosts {
		var problems []string
		for _, c := range h.Problems() {
			problems = append(problems, fmt.Sprintf("%s (%s): %s", c.Name, c.Level, c.Detail))
		}
		if len(problems) == 0 {
			problems = []string{"none"}
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", cell(h.Name), h.Status, cell(strings.Join(problems, "; ")))
	}
	for _, h := range r.Hosts {
		fmt.Fprintf(w, "\n<details><summary>%s: %d checks</summary>\n\n| Check | Result | Detail |\n|---|---|---|\n", h.Name, len(h.Checks))
		for _, c := range h.Checks {
			fmt.Fprintf(w, "| %s | %s | %s |\n", cell(c.Name), c.Level, cell(c.Detail))
		}
		fmt.Fprintln(w, "\n</details>")
	}
	if r.Monitoring != nil {
		fmt.Fprint(w, "\n### Monitoring\n\n```\n")
		r.Monitoring.writeText(w)
		fmt.Fprintln(w, "```")
	}
	return nil
}

// summary counts hosts by status: "2 hosts: 1 healthy, 1 unreachable".
func (r *Report) summary() string {
	counts := map[Status]int{}
	for _, h := range r.Hosts {
		counts[h.Status]++
	}
	var parts []string
	for _, s := range []Status{Healthy, Degraded, Unhealthy, Unreachable} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return plural(len(r.Hosts), "host") + ": " + strings.Join(parts, ", ")
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func suffix(s string) string {
	if s == "" {
		return ""
	}
	return ": " + s
}
