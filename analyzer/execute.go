package analyzer

import (
	"fmt"
	"go/token"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"
)

// Execute runs analyzers, and the analyzers they require, over one unit
// (a file, or the project for project-wide analyzers). base holds the
// results the driver supplies (nixpass.Analyzer or nixpass.ProjectAnalyzer).
// It returns the diagnostics each requested analyzer reported.
func Execute(fset *token.FileSet, base map[*analysis.Analyzer]any, analyzers []*analysis.Analyzer) (map[*analysis.Analyzer][]analysis.Diagnostic, error) {
	ex := &executor{fset: fset, results: make(map[*analysis.Analyzer]any, len(base)+len(analyzers)),
		diags: make(map[*analysis.Analyzer][]analysis.Diagnostic, len(analyzers))}
	for a, r := range base {
		ex.results[a] = r
	}
	for _, a := range analyzers {
		if _, err := ex.run(a); err != nil {
			return ex.diags, err
		}
	}
	return ex.diags, nil
}

type executor struct {
	fset    *token.FileSet
	results map[*analysis.Analyzer]any
	diags   map[*analysis.Analyzer][]analysis.Diagnostic
}

func (ex *executor) run(a *analysis.Analyzer) (any, error) {
	if r, ok := ex.results[a]; ok {
		return r, nil
	}
	resultOf := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		r, err := ex.run(req)
		if err != nil {
			return nil, err
		}
		resultOf[req] = r
	}
	pass := &analysis.Pass{
		Analyzer: a,
		Fset:     ex.fset,
		ResultOf: resultOf,
		Report: func(d analysis.Diagnostic) {
			ex.diags[a] = append(ex.diags[a], d)
		},
	}
	r, err := runAnalyzer(a, pass)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	ex.results[a] = r
	return r, nil
}

// runAnalyzer runs a, turning a panic into an error (with the stack, for
// the bug report) so one faulty rule cannot crash a whole run.
func runAnalyzer(a *analysis.Analyzer, pass *analysis.Pass) (r any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError(p)
		}
	}()
	return a.Run(pass)
}

// panicError is the error of a rule that panicked with value p, called
// while recovering so that the stack is the panic's.
func panicError(p any) error {
	return fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
}
