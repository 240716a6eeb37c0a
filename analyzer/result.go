package analyzer

import (
	"cmp"
	"go/token"
	"hash/maphash"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/report"
)

// diagnostics converts the run's findings to report diagnostics, sorted
// by file, line, column, rule and message, with fingerprints relative to
// root. The units the workers settled have theirs already.
func (r *runner) diagnostics(paths *projectPaths) []report.Diagnostic {
	n := 0
	for _, u := range r.units {
		if !u.settled {
			u.diags = r.unitDiagnostics(u, paths)
		}
		n += len(u.diags)
	}
	var extra []report.Diagnostic
	for _, f := range r.projectFindings {
		if tf := r.fset.File(f.d.Pos); tf != nil {
			if e := r.extra[tf.Name()]; e != nil && e.tok == tf {
				extra = append(extra, convert(f, tf, e.src))
			}
		}
	}
	sortDiagnostics(extra)
	r.fingerprint(extra, paths)
	out := make([]report.Diagnostic, 0, n+len(extra))
	for _, u := range r.units {
		out = append(out, u.diags...)
	}
	out = append(out, extra...)
	// The units are sorted by name and each one's findings are sorted:
	// only the other files' findings may be out of order.
	if !slices.IsSortedFunc(out, compareDiagnostics) {
		sortDiagnostics(out)
	}
	return out
}

// unitDiagnostics converts u's kept and unused findings, sorted and
// fingerprinted: a fingerprint counts the findings of its file only, so
// a file's are complete on their own.
func (r *runner) unitDiagnostics(u *unit, paths *projectPaths) []report.Diagnostic {
	if len(u.kept)+len(u.unused) == 0 {
		return nil // most files
	}
	out := make([]report.Diagnostic, 0, len(u.kept)+len(u.unused))
	for _, list := range [][]finding{u.kept, u.unused} {
		for _, f := range list {
			out = append(out, convert(f, u.file.Tok, u.text))
		}
	}
	sortDiagnostics(out)
	r.fingerprint(out, paths)
	return out
}

// sortDiagnostics puts diags in the report's order, keeping the order of
// equal ones.
func sortDiagnostics(diags []report.Diagnostic) {
	slices.SortStableFunc(diags, compareDiagnostics)
}

func compareDiagnostics(a, b report.Diagnostic) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
		strings.Compare(a.Rule, b.Rule), strings.Compare(a.Message, b.Message))
}

// convert resolves f's positions in tf, its file, whose text is src.
func convert(f finding, tf *token.File, src []byte) report.Diagnostic {
	pos, end := span(tf, f.d.Pos, f.d.End)
	sev := f.rule.severity
	if s, ok := DiagnosticSeverity(f.d); ok && !f.rule.configured {
		sev = s
	}
	d := report.Diagnostic{
		File: pos.Filename, Line: pos.Line, Column: pos.Column, EndLine: end.Line, EndColumn: end.Column,
		Rule: f.rule.Name, Category: f.rule.Category, Severity: sev.String(),
		Message: f.d.Message, Fixes: []report.Fix{}, Secret: f.d.Category == "secret",
	}
	for _, fix := range f.d.SuggestedFixes {
		safe, msg := FixIsSafe(f.rule.Rule, fix)
		rf := report.Fix{Description: msg, Safe: safe, Edits: []report.Edit{}}
		for _, e := range fix.TextEdits {
			p, q := span(tf, e.Pos, e.End)
			rf.Edits = append(rf.Edits, report.Edit{Line: p.Line, Column: p.Column, EndLine: q.Line, EndColumn: q.Column, NewText: string(e.NewText)})
		}
		d.Fixes = append(d.Fixes, rf)
	}
	d.Fingerprint = flaggedText(tf, f.d, src)
	return d
}

// span resolves a range in tf; a missing end is the start.
func span(tf *token.File, pos, end token.Pos) (token.Position, token.Position) {
	p := tf.PositionFor(pos, false)
	if !end.IsValid() {
		return p, p
	}
	return p, tf.PositionFor(end, false)
}

// flaggedText is the text a fingerprint hashes: the flagged range, or its
// line when the range is empty; a secret's range is masked so the
// baseline never carries a hash of the secret.
func flaggedText(tf *token.File, d analysis.Diagnostic, src []byte) string {
	start := tf.Offset(d.Pos)
	end := start
	if d.End.IsValid() {
		end = tf.Offset(d.End)
	}
	if start == end || d.Category == "secret" {
		line := tf.Line(d.Pos)
		ls := tf.Offset(tf.LineStart(line))
		le := len(src)
		if line < tf.LineCount() {
			le = tf.Offset(tf.LineStart(line + 1))
		}
		if d.Category == "secret" {
			return string(src[ls:start]) + "***" + string(src[min(end, le):le])
		}
		return string(src[ls:le])
	}
	return string(src[start:end])
}

// fingerprint replaces each diagnostic's flagged text (left in
// Fingerprint by convert) with its fingerprint. diags are sorted, so the
// occurrence index counts findings in source order; they hold every
// finding of their files.
func (r *runner) fingerprint(diags []report.Diagnostic, paths *projectPaths) {
	// Findings are counted by rule, file and their words, which a map
	// key holds as a hash and a length rather than a copy.
	type key struct {
		rule, file string
		hash       uint64
		n          int
	}
	seed := maphash.MakeSeed()
	seen := map[key]int{}
	var words []byte
	for i := range diags {
		d := &diags[i]
		words = appendWords(words[:0], d.Fingerprint)
		k := key{d.Rule, paths.of(d.File), maphash.Bytes(seed, words), len(words)}
		d.Fingerprint = fingerprintWords(d.Rule, k.file, words, seen[k])
		seen[k]++
	}
}

// projectPaths names files relative to the project root, with slashes,
// so fingerprints and baselines do not depend on the working directory.
// It is safe for concurrent use.
type projectPaths struct {
	root, cwd string // both absolute
	mu        sync.Mutex
	names     map[string]string
}

func newProjectPaths(root, cwd string) *projectPaths {
	return &projectPaths{root: root, cwd: cwd, names: map[string]string{}}
}

// of returns the project path of the file name, as given to the run or
// relative to the working directory.
func (p *projectPaths) of(name string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if path, ok := p.names[name]; ok {
		return path
	}
	abs := name
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(p.cwd, name)
	}
	path := filepath.ToSlash(name)
	if rel, err := filepath.Rel(p.root, abs); err == nil {
		path = filepath.ToSlash(rel)
	}
	p.names[name] = path
	return path
}

// summarize counts diags by severity.
func summarize(files int, diags []report.Diagnostic) report.Summary {
	s := report.Summary{Files: files}
	for _, d := range diags {
		switch d.Severity {
		case "error":
			s.Errors++
		case "warning":
			s.Warnings++
		case "info":
			s.Infos++
		}
	}
	return s
}

// reportRules describes the rules of a run for the report.
func reportRules(rules []active) []report.Rule {
	out := make([]report.Rule, len(rules))
	for i, r := range rules {
		out[i] = report.Rule{Name: r.Name, Category: r.Category, Severity: r.severity.String(), Fix: r.Fix.String(),
			Summary: r.Summary(), Doc: r.Doc, Tags: r.Tags, SecuritySeverity: r.SecuritySeverity}
	}
	return out
}
