package report

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

const (
	toolName       = "nixaudit"
	informationURI = "https://github.com/nixaudit/nixaudit"
	// fingerprintKey names nixaudit's partial fingerprint; the version
	// suffix changes if the fingerprint's recipe ever does.
	fingerprintKey = "nixaudit/v1"
)

// writeSARIF renders a SARIF 2.1.0 log for code scanning. Columns are
// Unicode code points (run.columnKind), converted from byte columns with
// the source when it is available.
func writeSARIF(w io.Writer, res *Result) error {
	run := sarif.NewRunWithInformationURI(toolName, informationURI)
	run.Tool.Driver.Version = &res.ToolVersion
	run.WithColumnKind("unicodeCodePoints")

	index := map[string]int{}
	addRule := func(r Rule) {
		index[r.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule(r))
	}
	for _, r := range res.Rules {
		addRule(r)
	}
	for _, d := range res.Diagnostics {
		if _, ok := index[d.Rule]; !ok {
			addRule(Rule{Name: d.Rule, Category: d.Category, Severity: d.Severity, Summary: d.Rule})
		}
	}

	run.Results = make([]*sarif.Result, 0, len(res.Diagnostics))
	for i := range res.Diagnostics {
		run.AddResult(sarifResult(res, &res.Diagnostics[i], index[res.Diagnostics[i].Rule]))
	}
	run.Invocations = []*sarif.Invocation{sarif.NewInvocation().WithExecutionSuccessful(true)}

	log := sarif.NewReport()
	log.AddRun(run)
	return writeIndented(w, log)
}

func sarifLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

func sarifRule(r Rule) *sarif.ReportingDescriptor {
	rd := sarif.NewRule(r.Name)
	rd.WithName(r.Name)
	rd.WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Summary))
	full := r.Summary
	if section := docSection(r.Doc, "What it does"); section != "" {
		full = section
	}
	rd.WithFullDescription(sarif.NewMultiformatMessageString().WithText(full))
	if r.Doc != "" {
		rd.WithHelp(sarif.NewMultiformatMessageString().WithText(r.Doc).WithMarkdown(r.Doc))
	}
	rd.WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
	props := sarif.NewPropertyBag()
	tags := []string{r.Category}
	for _, t := range r.Tags {
		if t != r.Category {
			tags = append(tags, t)
		}
	}
	props.WithTags(tags)
	props.Add("precision", "high")
	if r.SecuritySeverity != "" {
		props.Add("security-severity", r.SecuritySeverity)
	}
	rd.WithProperties(props)
	return rd
}

// docSection returns the text of a "## title" section of a rule doc.
func docSection(doc, title string) string {
	_, rest, ok := strings.Cut(doc, "## "+title+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimSpace(rest)
}

func sarifResult(res *Result, d *Diagnostic, ruleIndex int) *sarif.Result {
	r := sarif.NewRuleResult(d.Rule)
	r.WithRuleIndex(ruleIndex)
	r.WithLevel(sarifLevel(d.Severity))
	r.WithMessage(sarif.NewTextMessage(d.Message))
	region := sarifRegion(res, d.File, d.Line, d.Column, d.EndLine, d.EndColumn)
	if masked, start, end, ok := res.excerpt(d); ok {
		region.WithSnippet(sarif.NewArtifactContent().WithText(masked[start:end]))
	}
	loc := sarif.NewPhysicalLocation().
		WithArtifactLocation(artifact(d.File)).
		WithRegion(region)
	r.AddLocation(sarif.NewLocationWithPhysicalLocation(loc))
	if d.Fingerprint != "" {
		r.PartialFingerprints = map[string]string{fingerprintKey: d.Fingerprint}
	}
	for _, f := range d.Fixes {
		change := sarif.NewArtifactChange().WithArtifactLocation(artifact(d.File))
		for _, e := range f.Edits {
			change.AddReplacement(sarif.NewReplacement().
				WithDeletedRegion(sarifRegion(res, d.File, e.Line, e.Column, e.EndLine, e.EndColumn)).
				WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
		}
		r.AddFixe(sarif.NewFix().WithDescription(sarif.NewTextMessage(f.Description)).AddArtifactChange(change))
	}
	return r
}

func artifact(file string) *sarif.ArtifactLocation {
	return sarif.NewSimpleArtifactLocation(artifactURI(file))
}

// artifactURI is file as a URI reference: relative to the working
// directory (code scanning resolves it against the checkout) or a file:
// URI for an absolute path. Characters a URI cannot hold are
// percent-encoded ("%" itself, spaces), and a first segment with a colon
// is written after "./", where it would otherwise read as a scheme.
func artifactURI(file string) string {
	u := url.URL{Path: filepath.ToSlash(file)}
	if filepath.IsAbs(file) {
		u.Scheme = "file"
	}
	return u.String()
}

// sarifRegion converts a byte-column range to a code-point region.
func sarifRegion(res *Result, file string, line, col, endLine, endCol int) *sarif.Region {
	if l, ok := res.lineBytes(file, line); ok {
		col = codePointColumn(l, col)
	}
	if l, ok := res.lineBytes(file, endLine); ok {
		endCol = codePointColumn(l, endCol)
	}
	return sarif.NewRegion().WithStartLine(line).WithStartColumn(col).WithEndLine(endLine).WithEndColumn(endCol)
}
