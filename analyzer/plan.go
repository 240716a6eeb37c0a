package analyzer

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// A plan runs a fixed set of analyzers over one unit after another, as
// Execute does, but builds the passes, their ResultOf maps and their
// Report functions once: the driver runs some eighty rules over thousands
// of files, and building them for every file allocated more than parsing.
// A plan is not safe for concurrent use: each worker has its own.
type plan struct {
	fset *token.FileSet
	// base is the analyzer whose result the driver supplies per unit.
	base *analysis.Analyzer
	// steps are the analyzers to run, each after those it requires (the
	// order Execute runs them in).
	steps []step
	index map[*analysis.Analyzer]int // analyzer -> its step
	// results[i] is the result of steps[i] for the current unit.
	results []any
	// diags[i] are the diagnostics steps[i] reported for the current unit.
	diags [][]analysis.Diagnostic
}

type step struct {
	pass *analysis.Pass
	// requires are the steps whose results go into pass.ResultOf; -1
	// stands for base.
	requires []int
}

// newPlan prepares running analyzers, and the analyzers they require,
// over units whose base result is supplied.
func newPlan(fset *token.FileSet, base *analysis.Analyzer, analyzers []*analysis.Analyzer) *plan {
	p := &plan{fset: fset, base: base, index: map[*analysis.Analyzer]int{}}
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
	var requires []int
	for _, req := range a.Requires {
		requires = append(requires, p.add(req))
	}
	i := len(p.steps)
	p.index[a] = i
	pass := &analysis.Pass{
		Analyzer: a,
		Fset:     p.fset,
		ResultOf: make(map[*analysis.Analyzer]any, len(a.Requires)),
		Report:   func(d analysis.Diagnostic) { p.diags[i] = append(p.diags[i], d) },
	}
	p.steps = append(p.steps, step{pass: pass, requires: requires})
	return i
}

// run runs every step over the unit whose base result is base. The
// diagnostics of an analyzer are then diagnostics(a), valid until the
// next run.
func (p *plan) run(base any) error {
	p.release()
	for i := range p.steps {
		p.diags[i] = p.diags[i][:0]
	}
	for i, s := range p.steps {
		for j, req := range s.requires {
			r := base
			if req >= 0 {
				r = p.results[req]
			}
			s.pass.ResultOf[s.pass.Analyzer.Requires[j]] = r
		}
		r, err := runAnalyzer(s.pass.Analyzer, s.pass)
		if err != nil {
			return fmt.Errorf("%s: %w", s.pass.Analyzer.Name, err)
		}
		p.results[i] = r
	}
	return nil
}

// releaser is a result whose memory can be reused once every analyzer
// has run on its unit, such as a *nixpass.Inspector.
type releaser interface{ Release() }

// release drops the results of the last run, giving back those that can
// be reused.
func (p *plan) release() {
	for i, r := range p.results {
		if r, ok := r.(releaser); ok {
			r.Release()
		}
		p.results[i] = nil
	}
}

// diagnostics returns what a reported in the last run.
func (p *plan) diagnostics(a *analysis.Analyzer) []analysis.Diagnostic {
	return p.diags[p.index[a]]
}
