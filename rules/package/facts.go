package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// facts are what the package rules read of a file. They depend on the
// file alone and every rule reads some of them, so they are found once
// per file, together: one memo is cheaper to look up and to keep than
// one for each.
type facts struct {
	derivations           []drvCall
	fetcherOrBuilderCalls []nixmatch.Call
	hashBindings          []argBinding
	hashLiterals          []hashLiteral
}

// factsKey is the nixpass.File.Memo key of a file's facts.
type factsKey struct{}

// factsOf returns the facts of the file under analysis.
func factsOf(pass *analysis.Pass) *facts {
	return nixpass.Of(pass).Memo(factsKey{}, func() any {
		calls := nixmatch.CallsOf(pass)
		derivations, fetcherOrBuilderCalls := findDerivations(nixpass.Of(pass), calls), findFetcherOrBuilderCalls(calls)
		if derivations == nil && fetcherOrBuilderCalls == nil {
			return &noFacts // most files: modules, libraries
		}
		hashBindings := bindingsOf(fetcherOrBuilderCalls, isHashAttr)
		return &facts{derivations, fetcherOrBuilderCalls, hashBindings, findHashLiterals(hashBindings)}
	}).(*facts)
}

// noFacts are the facts of a file without builder and fetcher calls,
// shared (rules only read facts).
var noFacts facts
