package update

import (
	"fmt"
	"io"

	"github.com/nixaudit/nixaudit/ops/gate"
)

func (r *PackageReport) write(w io.Writer, f gate.Format) error {
	return gate.Render(w, f, r, r.writeText, r.writeMarkdown)
}

func (r *PackageReport) writeText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "%s: %s → %s (%s)\n  hash: %s → %s\n  built: %s\n%s", r.Attr, r.Old.Version, r.New.Version, r.File,
		r.Old.Hash, r.New.Hash, r.OutPath, r.footer())
	return err
}

func (r *PackageReport) writeMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "## %s: %s → %s\n\n| | Old | New |\n| --- | --- | --- |\n", r.Attr, r.Old.Version, r.New.Version)
	fmt.Fprintf(w, "| version | `%s` | `%s` |\n| hash | `%s` | `%s` |\n\n", r.Old.Version, r.New.Version, r.Old.Hash, r.New.Hash)
	_, err := fmt.Fprintf(w, "File: `%s`. Built: `%s`.\n%s%s", r.File, r.OutPath, auditLine(r.Audit), r.footer())
	return err
}

func (r *PackageReport) footer() string {
	s := ""
	if r.Commit != "" {
		s += fmt.Sprintf("Committed %s.\n", r.Commit[:min(12, len(r.Commit))])
	}
	if r.PullRequest != "" {
		s += fmt.Sprintf("Pull request: %s\n", r.PullRequest)
	}
	return s
}
