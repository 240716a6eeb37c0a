package pkgrules

import (
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// facts are what the package rules read of a file. They depend on the
// file alone and every rule reads some of them, so they are found once
// per file, together: one memo is cheaper to look up and to keep than
// one for each. The accessors (derivations, hashLiterals, …) clip the
// slices: their spare memory serves the next file's facts once the file
// is released.
type facts struct {
	derivations           []drvCall
	fetcherOrBuilderCalls []nixmatch.Call
	hashBindings          []argBinding
	hashLiterals          []hashLiteral
}

// factsKey is the nixpass.File.Memo key of a file's facts.
var factsKey = nixpass.NewMemoKey()

// factsOf returns the facts of the file under analysis.
func factsOf(pass *analysis.Pass) *facts {
	return nixpass.Of(pass).Memo(factsKey, func() any {
		calls := nixmatch.CallsOf(pass)
		fs := releasedFacts.Get().(*facts)
		fs.derivations = findDerivations(nixpass.Of(pass), calls, fs.derivations)
		fs.fetcherOrBuilderCalls = findFetcherOrBuilderCalls(calls, fs.fetcherOrBuilderCalls)
		if len(fs.derivations) == 0 && len(fs.fetcherOrBuilderCalls) == 0 {
			releasedFacts.Put(fs)
			return &noFacts // most files: modules, libraries
		}
		fs.hashBindings = bindingsOf(fs.fetcherOrBuilderCalls, isHashAttr, fs.hashBindings)
		fs.hashLiterals = findHashLiterals(fs.hashBindings, fs.hashLiterals)
		return fs
	}).(*facts)
}

// noFacts are the facts of a file without builder and fetcher calls,
// shared (rules only read facts) and never released.
var noFacts facts

// releasedFacts holds released facts, empty.
var releasedFacts = sync.Pool{New: func() any { return new(facts) }}

// Release gives the memory of fs to the next file's facts, clearing it
// so that the pool keeps no tree alive. nixpass.File.ReleaseMemo calls
// it.
func (fs *facts) Release() {
	if fs == &noFacts {
		return
	}
	clear(fs.derivations)
	clear(fs.fetcherOrBuilderCalls)
	clear(fs.hashBindings)
	clear(fs.hashLiterals)
	*fs = facts{fs.derivations[:0], fs.fetcherOrBuilderCalls[:0], fs.hashBindings[:0], fs.hashLiterals[:0]}
	releasedFacts.Put(fs)
}
