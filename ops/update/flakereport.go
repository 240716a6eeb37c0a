package update

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nixaudit/nixaudit/ops/gate"
)

// Rev is one locked version of an input.
type Rev struct {
	Rev string `json:"rev"`
	// NarHash identifies inputs without a revision (tarballs, paths).
	NarHash      string `json:"nar_hash,omitempty"`
	LastModified int64  `json:"last_modified"` // Unix seconds, as in flake.lock
}

// short is the revision as people quote it.
func (r Rev) short() string {
	switch {
	case r.Rev != "":
		return r.Rev[:min(7, len(r.Rev))]
	case r.NarHash != "":
		return r.NarHash[:min(19, len(r.NarHash))]
	}
	return "(none)"
}

// describe renders a revision with its date and age.
func describe(r Rev, now time.Time) string {
	return fmt.Sprintf("%s (%s, %s)", r.short(), date(r.LastModified), age(r.LastModified, now))
}

// InputChange is what happened to one root input.
type InputChange struct {
	Name    string `json:"name"`
	Old     Rev    `json:"old"`
	New     Rev    `json:"new"`
	Changed bool   `json:"changed"`
}

// HostResult is one host built after the update.
type HostResult struct {
	Name    string `json:"name"`
	OldPath string `json:"old_path"`
	NewPath string `json:"new_path,omitempty"`
	// Changed says whether the host's system changed with the update.
	Changed bool   `json:"changed"`
	Error   string `json:"error,omitempty"`
}

// FlakeReport is the outcome of `nixaudit update flake`.
type FlakeReport struct {
	Inputs      []InputChange `json:"inputs"`
	Hosts       []HostResult  `json:"hosts,omitempty"`
	DryRun      bool          `json:"dry_run"`
	Commit      string        `json:"commit,omitempty"`
	PullRequest string        `json:"pull_request,omitempty"`
	Audit       gate.Audit    `json:"audit"`
}

func (r *FlakeReport) changed() []InputChange {
	var c []InputChange
	for _, in := range r.Inputs {
		if in.Changed {
			c = append(c, in)
		}
	}
	return c
}

func (r *FlakeReport) write(w io.Writer, f gate.Format, now time.Time) error {
	return gate.Render(w, f, r,
		func(w io.Writer) error { return r.writeText(w, now) },
		func(w io.Writer) error { return r.writeMarkdown(w, now) })
}

func (r *FlakeReport) writeText(w io.Writer, now time.Time) error {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	for _, in := range r.Inputs {
		if in.Changed {
			fmt.Fprintf(tw, "%s:\t%s → %s\n", in.Name, describe(in.Old, now), describe(in.New, now))
		} else {
			fmt.Fprintf(tw, "%s:\tunchanged at %s\n", in.Name, describe(in.Old, now))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(r.Hosts) > 0 {
		fmt.Fprintln(w, "hosts:")
		for _, h := range r.Hosts {
			fmt.Fprintf(w, "  %s: %s\n", h.Name, h.status())
		}
	}
	fmt.Fprint(w, r.footer())
	return nil
}

// status is a host's build outcome in words.
func (h HostResult) status() string {
	switch {
	case h.Error != "":
		return "build failed: " + strings.ReplaceAll(h.Error, "\n", "\n    ")
	case h.Changed:
		return "changed → " + h.NewPath
	}
	return "unchanged"
}

// footer says what was done besides the lock: dry run, commit, PR.
func (r *FlakeReport) footer() string {
	var b strings.Builder
	if len(r.changed()) == 0 {
		b.WriteString("No input changed.\n")
	}
	if r.DryRun {
		b.WriteString(dryRunNote + "\n")
	}
	if r.Commit != "" {
		fmt.Fprintf(&b, "Committed %s.\n", r.Commit[:min(12, len(r.Commit))])
	}
	if r.PullRequest != "" {
		fmt.Fprintf(&b, "Pull request: %s\n", r.PullRequest)
	}
	return b.String()
}

func (r *FlakeReport) writeMarkdown(w io.Writer, now time.Time) error {
	fmt.Fprint(w, "## Flake inputs\n\n| Input | Old | New |\n| --- | --- | --- |\n")
	for _, in := range r.Inputs {
		old := fmt.Sprintf("`%s` (%s, %s)", in.Old.short(), date(in.Old.LastModified), age(in.Old.LastModified, now))
		nw := "unchanged"
		if in.Changed {
			nw = fmt.Sprintf("`%s` (%s, %s)", in.New.short(), date(in.New.LastModified), age(in.New.LastModified, now))
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", in.Name, old, nw)
	}
	if len(r.Hosts) > 0 {
		fmt.Fprint(w, "\n## Hosts\n\n| Host | Result |\n| --- | --- |\n")
		for _, h := range r.Hosts {
			result := "unchanged"
			switch {
			case h.Error != "":
				result = "build failed"
			case h.Changed:
				result = "changed: `" + h.NewPath + "`"
			}
			fmt.Fprintf(w, "| %s | %s |\n", h.Name, result)
		}
	}
	fmt.Fprintf(w, "\n%s%s", auditLine(r.Audit), r.footer())
	return nil
}

// auditLine says how the gate was passed, for reports meant for review.
func auditLine(a gate.Audit) string {
	if a.Skipped {
		return fmt.Sprintf("Audit skipped: %s\n", a.Reason)
	}
	return fmt.Sprintf("Audit passed (fail-on = %s, %s below it).\n", a.FailOn, count(a.Findings, "finding"))
}

// flakeCommitMessage lists the changed inputs one per line, after the
// subject and header update-flake-lock uses.
func flakeCommitMessage(changes []InputChange) string {
	var b strings.Builder
	b.WriteString("flake.lock: Update\n\nFlake lock file updates:\n\n")
	for _, in := range changes {
		fmt.Fprintf(&b, "• Updated input '%s': %s (%s) → %s (%s)\n", in.Name,
			in.Old.short(), date(in.Old.LastModified), in.New.short(), date(in.New.LastModified))
	}
	return b.String()
}
