package analyzer

import (
	"bytes"
	"context"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/report"
)

// unit is one Nix file of a run and its latest analysis.
type unit struct {
	source
	orig, text []byte
	mode       fs.FileMode
	// file is the latest parse. Unless a project-wide rule's base
	// accepts the file (see inProject), only its name, token.File and
	// source are kept after analysis, and nothing once its findings are
	// settled.
	file *nixpass.File
	// shown are the lines of a settled unit's text its report may show
	// (see report.KeepLines); the text itself is not kept.
	shown report.Lines
	// inProject reports, for each of the runner's projectBases, whether
	// its filter accepts the file; summaries holds, for those made by
	// nixpass.ProjectSummaries, the summary of the file.
	inProject []bool
	summaries []any
	// syntaxErrors counts the latest parse's syntax errors: a fix may
	// not add any.
	syntaxErrors int
	sups         []*suppression
	// raw are the findings of the latest analysis; kept are those left
	// after suppressions, unused the unused-suppression findings.
	raw, kept, unused []finding
	// diags are kept and unused as the report has them, sorted and
	// fingerprinted. settled is set when the worker made them as soon
	// as the file was analyzed: no project-wide rule can add to them.
	diags   []report.Diagnostic
	settled bool
	// secrets are the texts of the secret findings of every analysis of
	// the unit (see noteSecrets).
	secrets []string
	// err is the latest analysis's error.
	err error
}

// sourceName is the name of u; it reads nothing else of u, as the walk
// sorts the units while workers fill them in.
func (u *unit) sourceName() string { return u.name }

// finding is a diagnostic of an enabled rule.
type finding struct {
	rule *active
	d    analysis.Diagnostic
}

// extraFile is a non-Nix file a project-wide rule registered.
type extraFile struct {
	tok *token.File
	src []byte
}

// runner analyzes the units of one run.
type runner struct {
	ctx     context.Context
	fset    *token.FileSet
	all     []*Rule // the registry, to resolve names in suppressions
	ruleOf  map[*analysis.Analyzer]*active
	perFile []*analysis.Analyzer
	project []*analysis.Analyzer
	// projectBases are the nixpass.ProjectFiles bases the project-wide
	// rules require.
	projectBases []*analysis.Analyzer
	// filters and summarizers are nixpass.ProjectFilter and
	// nixpass.ProjectSummarizer of each of projectBases, which workers
	// ask for every file.
	filters     []func(name string, src []byte) bool
	summarizers []func(*nixpass.File) any
	unusedRule  *active // nil unless unused-suppression is enabled
	projectDir  string
	progress    io.Writer
	// texts holds the texts the walk reads; the workers give back those
	// of the files that need them no more (when paths is set).
	texts *textArena
	// paths, when set, lets workers settle the findings of the units
	// that no project-wide rule looks at (see settle).
	paths *projectPaths

	units []*unit
	// projectFindings are the project-wide findings outside any unit
	// (in files registered with AddFile).
	projectFindings []finding
	extraMu         sync.Mutex
	extra           map[string]*extraFile
	extraOrder      []string
}

func newRunner(ctx context.Context, all []*Rule, rules []active, projectDir string, progress io.Writer) *runner {
	r := &runner{ctx: ctx, fset: token.NewFileSet(), all: all, ruleOf: map[*analysis.Analyzer]*active{},
		projectDir: projectDir, progress: progress, texts: &textArena{}, extra: map[string]*extraFile{}}
	for i := range rules {
		a := &rules[i]
		switch {
		case a.Rule == UnusedSuppression:
			r.unusedRule = a
		case nixpass.IsProjectWide(a.Analyzer):
			r.project = append(r.project, a.Analyzer)
		default:
			r.perFile = append(r.perFile, a.Analyzer)
		}
		r.ruleOf[a.Analyzer] = a
	}
	r.projectBases = nixpass.ProjectBases(r.project)
	for _, base := range r.projectBases {
		r.filters = append(r.filters, nixpass.ProjectFilter(base))
		r.summarizers = append(r.summarizers, nixpass.ProjectSummarizer(base))
	}
	return r
}

// feed yields the units of one analysis pass; it stops early when yield
// returns false.
type feed func(yield func(*unit) bool) error

// unitsFeed yields units.
func unitsFeed(units []*unit) feed {
	return func(yield func(*unit) bool) error {
		for _, u := range units {
			if !yield(u) {
				break
			}
		}
		return nil
	}
}

// analyze parses and analyzes the units next yields, GOMAXPROCS at a
// time, while next goes on yielding (discovery overlaps the analysis).
// Of the units that fail, the error of the first by name is returned.
func (r *runner) analyze(next feed) error {
	// The walk runs ahead of the workers: a buffer spares a goroutine
	// handoff per file.
	jobs := make(chan *unit, 1024)
	var wg sync.WaitGroup
	// total stays 0 until next has yielded every unit.
	var done, total atomic.Int64
	var yielded int64
	var errMu sync.Mutex
	var failed *unit
	stopProgress := r.showProgress(&done, &total)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := newPlan(r.fset, nixpass.Analyzer, r.perFile)
			var l nixpass.Loader
			for u := range jobs {
				if u.err = r.analyzeUnit(u, p, &l); u.err != nil {
					errMu.Lock()
					if failed == nil || u.name < failed.name {
						failed = u
					}
					errMu.Unlock()
				}
				done.Add(1)
			}
			p.release()
		}()
	}
	feedErr := next(func(u *unit) bool {
		if r.ctx.Err() != nil {
			return false
		}
		yielded++
		jobs <- u
		return true
	})
	total.Store(yielded)
	close(jobs)
	wg.Wait()
	stopProgress()
	switch {
	case feedErr != nil:
		return feedErr
	case r.ctx.Err() != nil:
		return r.ctx.Err()
	case failed != nil:
		return failed.err
	}
	return nil
}

// showProgress prints a file counter to r.progress every 100ms until the
// returned function is called, which clears it. total is 0 while the
// files are still being found.
func (r *runner) showProgress(done, total *atomic.Int64) (stop func()) {
	if r.progress == nil {
		return func() {}
	}
	quit := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				fmt.Fprint(r.progress, "\r\033[K")
				return
			case <-tick.C:
				// Until the walk ends, the total is not known yet.
				if n := total.Load(); n > 0 {
					fmt.Fprintf(r.progress, "\r\033[Knixaudit: %d/%d files", done.Load(), n)
				} else {
					fmt.Fprintf(r.progress, "\r\033[Knixaudit: %d files", done.Load())
				}
			}
		}
	}()
	return func() { close(quit); <-finished }
}

// analyzeUnit parses u's current text and runs the per-file rules on it
// with p, the worker's plan of them, and l, the worker's loader, unless
// project-wide rules need the tree after the per-file rules: then it is
// parsed into memory of its own. A panic in a rule becomes an error
// naming the file.
func (r *runner) analyzeUnit(u *unit, p *plan, l *nixpass.Loader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: internal error: %v\n%s", u.name, p, debug.Stack())
		}
		if err != nil && u.chunk != nil {
			r.ownText(u) // the walk may be waiting for the chunk
		}
	}()
	if u.text == nil {
		if err := r.read(u); err != nil {
			return err
		}
	}
	u.inProject = u.inProject[:0]
	keep := false // a project base needs the whole tree after this
	for i, filter := range r.filters {
		in := filter(u.name, u.text)
		u.inProject = append(u.inProject, in)
		keep = keep || in && r.summarizers[i] == nil
	}
	if !r.settles(u) {
		// Project-wide rules see this file's text again, after the
		// last file: it does not hold a chunk that long.
		r.ownText(u)
	}
	// Only the files project-wide rules look at need positions in the
	// run's FileSet; the others go into their worker's, as adding a file
	// to one shared by every worker takes a lock they contend for.
	fset := r.fset
	if !slices.Contains(u.inProject, true) {
		fset = p.own
	}
	var f *nixpass.File
	if keep {
		f = nixpass.Load(fset, u.name, u.text)
	} else {
		f = l.Load(fset, u.name, u.text)
	}
	u.syntaxErrors = len(f.Errors)
	u.sups = parseSuppressions(f)
	p.setFileSet(fset)
	if err := p.run(f); err != nil {
		return fmt.Errorf("%s: %w", u.name, err)
	}
	u.raw = u.raw[:0]
	for _, a := range r.perFile {
		if p.reported == 0 {
			break // most files
		}
		for _, d := range p.diagnostics(a) {
			if fset.File(d.Pos) != f.Tok {
				return fmt.Errorf("%s: rule %s reported a position outside the file", u.name, a.Name)
			}
			u.raw = append(u.raw, finding{r.ruleOf[a], normalizeRange(f.Tok, d)})
		}
	}
	u.summaries = u.summaries[:0]
	for i, summarize := range r.summarizers {
		if !slices.Contains(u.inProject, true) {
			break // runProject reads none
		}
		var summary any
		if summarize != nil && u.inProject[i] {
			summary = summarize(f)
		}
		u.summaries = append(u.summaries, summary)
	}
	switch {
	case keep:
		// Project-wide rules see these files at once: keep the tree and
		// bindings, but not the token list, a fifth of a file's memory.
		f.Tokens = nil
	case r.settles(u):
		// The values memoized on the tree are the loader's, for the next
		// file, and so is the tree once the findings are settled.
		f.ReleaseMemo()
	default:
		// Keep what suppressions, fixes and reports need.
		f.ReleaseMemo()
		f = &nixpass.File{File: &ast.File{Name: f.Name, Tok: f.Tok, Src: f.Src}}
	}
	u.file = f
	r.settle(u)
	if u.settled {
		// Nothing reads the parse or the text again, but the report the
		// few lines it shows of the findings, if any (most files have
		// none): the loader and the walk reuse their memory.
		if len(u.diags) > 0 {
			u.shown = report.KeepLines(report.TextLines(u.text, f.Tok.Lines()), u.diags)
			detach(u.diags)
		}
		u.raw, u.kept, u.unused, u.sups = nil, nil, nil, nil
		l.Recycle(fset)
		u.file, u.orig, u.text = nil, nil, nil
		r.texts.release(u.chunk)
		u.chunk = nil
	}
	return nil
}

// ownText moves u's text out of its chunk, into memory of its own, and
// gives the chunk back. The parse's strings are substrings of the text
// (see nixpass.Loader): what is kept of them must be detached first.
func (r *runner) ownText(u *unit) {
	if u.chunk == nil {
		return
	}
	text := bytes.Clone(u.text)
	u.orig, u.text = text, text
	r.texts.release(u.chunk)
	u.chunk = nil
}

// detach copies the strings a rule gave diags, which may be substrings
// of a text in a chunk, into memory of their own.
func detach(diags []report.Diagnostic) {
	for i := range diags {
		d := &diags[i]
		d.Message = strings.Clone(d.Message)
		for j := range d.Fixes {
			d.Fixes[j].Description = strings.Clone(d.Fixes[j].Description)
		}
	}
}

// settle filters u's findings and makes its report diagnostics now, in
// the worker, when nothing later can change them: the run makes no fixes
// and no project-wide rule looks at u. What is settled in the workers is
// not left for the serial part of the run, after the last file.
func (r *runner) settle(u *unit) {
	u.settled = r.settles(u)
	if !u.settled {
		return
	}
	r.filterUnit(u)
	u.diags = r.unitDiagnostics(u, r.paths)
}

// settles reports whether settle makes u's report diagnostics now.
func (r *runner) settles(u *unit) bool {
	return r.paths != nil && !slices.Contains(u.inProject, true)
}

// read loads u's file and mode.
func (r *runner) read(u *unit) error {
	text, mode, err := readFile(u.path)
	if err != nil {
		return err
	}
	u.orig, u.text, u.mode = text, text, mode
	return nil
}

// runProject runs the project-wide rules once over every unit.
func (r *runner) runProject() error {
	r.projectFindings = nil
	if len(r.project) == 0 {
		return nil
	}
	base := make(map[*analysis.Analyzer]any, len(r.projectBases))
	projects := make([]*nixpass.Project, len(r.projectBases))
	for i, a := range r.projectBases {
		projects[i] = &nixpass.Project{Dir: r.projectDir, AddFile: r.addFile}
		base[a] = projects[i]
	}
	for _, u := range r.units {
		if len(u.raw) > 0 {
			u.raw = withoutProjectFindings(u.raw, r)
		}
		for i, in := range u.inProject {
			if in {
				projects[i].Files = append(projects[i].Files, u.file)
				if nixpass.ProjectSummarizer(r.projectBases[i]) != nil {
					projects[i].Summaries = append(projects[i].Summaries, u.summaries[i])
				}
			}
		}
	}
	diags, err := Execute(r.fset, base, r.project)
	if err != nil {
		return err
	}
	for _, a := range r.project {
		for _, d := range diags[a] {
			tf := r.fset.File(d.Pos)
			if tf == nil {
				return fmt.Errorf("rule %s reported a position in no file it looks at", a.Name)
			}
			f := finding{r.ruleOf[a], normalizeRange(tf, d)}
			if u := r.unitOf(tf); u != nil {
				u.raw = append(u.raw, f)
			} else {
				r.projectFindings = append(r.projectFindings, f)
			}
		}
	}
	return nil
}

// unitOf returns the unit whose current parse tf is, or nil.
func (r *runner) unitOf(tf *token.File) *unit {
	if u := r.unitNamed(tf.Name()); u != nil && u.file != nil && u.file.Tok == tf {
		return u
	}
	return nil
}

// unitNamed returns the unit named name, or nil. The units are sorted by
// name once the walk is over: a search spares a map of thousands of units
// made for the few files with findings.
func (r *runner) unitNamed(name string) *unit {
	i, found := slices.BinarySearchFunc(r.units, name, func(u *unit, name string) int { return strings.Compare(u.name, name) })
	if !found {
		return nil
	}
	return r.units[i]
}

// normalizeRange makes a missing or inverted end, or one past tf, the
// file of d's start, the start, so a rule's mistake cannot make the
// driver slice out of range.
func normalizeRange(tf *token.File, d analysis.Diagnostic) analysis.Diagnostic {
	if !d.End.IsValid() || d.End < d.Pos || int(d.End) > tf.Base()+tf.Size() {
		d.End = d.Pos
	}
	return d
}

// withoutProjectFindings drops the findings of project-wide rules from a
// previous pass, which runProject recomputes.
func withoutProjectFindings(fs []finding, r *runner) []finding {
	out := fs[:0]
	for _, f := range fs {
		if !nixpass.IsProjectWide(f.rule.Analyzer) {
			out = append(out, f)
		}
	}
	return out
}

// addFile implements nixpass.Project.AddFile: each path is read and
// registered once per run.
func (r *runner) addFile(path string) (*token.File, []byte, error) {
	r.extraMu.Lock()
	defer r.extraMu.Unlock()
	if e, ok := r.extra[path]; ok {
		return e.tok, e.src, nil
	}
	tok, src, err := nixpass.ReadFile(r.fset, path)
	if err != nil {
		return nil, nil, err
	}
	r.extra[path] = &extraFile{tok: tok, src: src}
	r.extraOrder = append(r.extraOrder, path)
	return tok, src, nil
}

// filter applies each unit's suppressions to its findings and computes
// the unused-suppression findings. A file with syntax errors keeps only
// the findings of the syntax rules: the other rules saw a tree the parser
// recovered, where missing text can hide uses or invent code, and
// whether its suppressions are used cannot be judged.
func (r *runner) filter() {
	for _, u := range r.units {
		if !u.settled {
			r.filterUnit(u)
		}
	}
}

// filterUnit is filter of one unit. Units may be filtered concurrently.
func (r *runner) filterUnit(u *unit) {
	for _, s := range u.sups {
		clear(s.used)
	}
	u.kept = u.kept[:0]
	for _, f := range u.raw {
		if u.syntaxErrors > 0 && !alwaysOn(f.rule.Rule) {
			continue
		}
		if !suppressed(u.sups, f.rule.Rule, u.file.Tok.Line(f.d.Pos)) {
			u.kept = append(u.kept, f)
		}
	}
	u.unused = u.unused[:0]
	if r.unusedRule == nil || u.syntaxErrors > 0 {
		return
	}
	for _, d := range unusedSuppressions(u.file, u.sups, r.ran, r.lookup, r.syntaxName) {
		if !suppressed(u.sups, UnusedSuppression, u.file.Tok.Line(d.Pos)) {
			u.unused = append(u.unused, finding{r.unusedRule, d})
		}
	}
}

// lookup returns the error of a suppression's name that denotes no rule.
func (r *runner) lookup(name string) error {
	_, err := Lookup(r.all, name)
	return err
}

// syntaxName reports whether a suppression's name denotes only syntax
// rules.
func (r *runner) syntaxName(name string) bool {
	named, err := Lookup(r.all, name)
	if err != nil || len(named) == 0 {
		return false
	}
	for _, rule := range named {
		if !alwaysOn(rule) {
			return false
		}
	}
	return true
}

// ran reports whether every rule a suppression's name denotes ran, so a
// suppression of a rule turned off is not called unused.
func (r *runner) ran(name string) bool {
	named, err := Lookup(r.all, name)
	if err != nil {
		return false
	}
	for _, rule := range named {
		if _, ok := r.ruleOf[rule.Analyzer]; !ok {
			return false
		}
	}
	return true
}
