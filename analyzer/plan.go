package analyzer

import (
	"fmt"
	"go/token"
	"reflect"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// A plan runs a fixed set of analyzers over one unit after another, as
// Execute does, but builds the passes, their ResultOf maps and their
// Report functions once: the driver runs some eighty rules over thousands
// of files, and building them for every file allocated more than parsing.
// Passes whose analyzers require the same analyzers share one ResultOf
// map, so that a result is stored once per map that holds it rather than
// once per pass (most rules require the same one or two).
// A plan is not safe for concurrent use: each worker has its own.
type plan struct {
	// fset is the passes' FileSet; own is the worker's, which holds the
	// files no project-wide rule looks at (the run's holds the others).
	fset, own *token.FileSet
	// base is the analyzer whose result the driver supplies per unit.
	base *analysis.Analyzer
	// steps are the analyzers to run, each after those it requires (the
	// order Execute runs them in).
	steps []step
	index map[*analysis.Analyzer]int // analyzer -> its step
	// maps are the distinct ResultOf maps, by their requirements' steps.
	maps map[string]map[*analysis.Analyzer]any
	// baseIn are the maps the base result goes into.
	baseIn []map[*analysis.Analyzer]any
	// results[i] is the result of steps[i] for the current unit.
	results []any
	// diags[i] are the diagnostics steps[i] reported for the current unit.
	diags [][]analysis.Diagnostic
	// reported counts them: most units have none, and then diagnostics
	// answers without looking its analyzer up.
	reported int
}

type step struct {
	// run is pass.Analyzer.Run: the call needs no loads through the
	// pass and the analyzer, which the previous analyzer's work has
	// usually evicted from the cache.
	run  func(*analysis.Pass) (any, error)
	pass *analysis.Pass
	// in are the ResultOf maps of the later steps that require this one.
	in []map[*analysis.Analyzer]any
	// mayRelease is false when the analyzer's declared result type
	// cannot be a releaser, so release need not ask.
	mayRelease bool
}

// newPlan prepares running analyzers, and the analyzers they require,
// over units whose base result is supplied.
func newPlan(fset *token.FileSet, base *analysis.Analyzer, analyzers []*analysis.Analyzer) *plan {
	p := &plan{fset: fset, own: token.NewFileSet(), base: base, index: map[*analysis.Analyzer]int{},
		maps: map[string]map[*analysis.Analyzer]any{}}
	for _, a := range analyzers {
		p.add(a)
	}
	p.results = make([]any, len(p.steps))
	p.diags = make([][]analysis.Diagnostic, len(p.steps))
	return p
}

// add appends the steps of a and of what it requires, depth first.
func (p *plan) add(a *analysis.Analyzer) int {
	if a == p.base {
		return -1
	}
	if i, ok := p.index[a]; ok {
		return i
	}
	for _, req := range a.Requires {
		p.add(req)
	}
	i := len(p.steps)
	p.index[a] = i
	pass := &analysis.Pass{
		Analyzer: a,
		Fset:     p.fset,
		ResultOf: p.resultMap(a.Requires),
		Report: func(d analysis.Diagnostic) {
			p.diags[i] = append(p.diags[i], d)
			p.reported++
		},
	}
	t := a.ResultType
	mayRelease := t == nil || t.Kind() == reflect.Interface || t.Implements(releaserType)
	p.steps = append(p.steps, step{run: a.Run, pass: pass, mayRelease: mayRelease})
	return i
}

// stepOf returns the index of a's step, -1 for the base.
func (p *plan) stepOf(a *analysis.Analyzer) int {
	if a == p.base {
		return -1
	}
	return p.index[a]
}

// resultMap returns the ResultOf map for passes requiring reqs (whose
// steps exist), making it and subscribing it to their results the first
// time.
func (p *plan) resultMap(reqs []*analysis.Analyzer) map[*analysis.Analyzer]any {
	// The key is the set of the requirements' steps (-1 for the base).
	steps := make([]int, len(reqs))
	for i, r := range reqs {
		steps[i] = p.stepOf(r)
	}
	slices.Sort(steps)
	var key []byte
	for _, i := range slices.Compact(steps) {
		key = append(strconv.AppendInt(key, int64(i), 10), ',')
	}
	if m, ok := p.maps[string(key)]; ok {
		return m
	}
	m := make(map[*analysis.Analyzer]any, len(reqs))
	p.maps[string(key)] = m
	for _, r := range reqs {
		if _, seen := m[r]; seen {
			continue
		}
		m[r] = nil
		if i := p.stepOf(r); i < 0 {
			p.baseIn = append(p.baseIn, m)
		} else {
			p.steps[i].in = append(p.steps[i].in, m)
		}
	}
	return m
}

// run runs every step over the unit whose base result is base. The
// diagnostics of an analyzer are then diagnostics(a), valid until the
// next run. A panic in a step becomes its error, as in runAnalyzer, but
// one deferred recover serves every step: a run makes some eighty calls.
func (p *plan) run(base any) (err error) {
	p.release()
	if p.reported > 0 {
		for i := range p.diags {
			p.diags[i] = p.diags[i][:0]
		}
		p.reported = 0
	}
	for _, m := range p.baseIn {
		m[p.base] = base
	}
	i := 0
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: %w", p.steps[i].pass.Analyzer.Name, panicError(v))
		}
	}()
	for ; i < len(p.steps); i++ {
		s := &p.steps[i]
		r, err := s.run(s.pass)
		if err != nil {
			return fmt.Errorf("%s: %w", s.pass.Analyzer.Name, err)
		}
		p.results[i] = r
		for _, m := range s.in {
			m[s.pass.Analyzer] = r
		}
	}
	return nil
}

// setFileSet makes fset the FileSet of the passes of the next runs: that
// of the unit's file.
func (p *plan) setFileSet(fset *token.FileSet) {
	if fset == p.fset {
		return
	}
	p.fset = fset
	for i := range p.steps {
		p.steps[i].pass.Fset = fset
	}
}

// releaser is a result whose memory can be reused once every analyzer
// has run on its unit, such as a *nixpass.Inspector.
type releaser interface{ Release() }

var releaserType = reflect.TypeFor[releaser]()

// release drops the results of the last run, giving back those that can
// be reused. The ResultOf maps keep theirs until the next run overwrites
// them, before any pass reads them. Asking a result whether it is a
// releaser looks its type up in a table; the steps whose result type
// tells it cannot be are not asked.
func (p *plan) release() {
	for i, r := range p.results {
		if r == nil {
			continue
		}
		if p.steps[i].mayRelease {
			if r, ok := r.(releaser); ok {
				r.Release()
			}
		}
		p.results[i] = nil
	}
}

// diagnostics returns what a reported in the last run.
func (p *plan) diagnostics(a *analysis.Analyzer) []analysis.Diagnostic {
	if p.reported == 0 {
		return nil
	}
	return p.diags[p.index[a]]
}
