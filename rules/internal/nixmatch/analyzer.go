package nixmatch

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// Index is what Analyzer finds in a file: its modules and their option
// definitions.
type Index struct {
	Modules []*Module
	Defs    []OptionDef
}

// Analyzer finds the modules and option definitions of a file once for
// every rule of a run that requires it (as inspect.Analyzer does for Go).
var Analyzer = &analysis.Analyzer{
	Name:       "nixoptions",
	Doc:        "the NixOS modules and option definitions of a Nix file",
	Requires:   []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
	Run:        func(pass *analysis.Pass) (any, error) { return IndexOf(pass), nil },
	ResultType: reflect.TypeFor[*Index](),
}

// Of returns the Index of the file under analysis; pass's analyzer must
// require Analyzer.
func Of(pass *analysis.Pass) *Index { return pass.ResultOf[Analyzer].(*Index) }

// IndexOf returns the Index of the file under analysis, the one Of
// returns, for rules that do not require Analyzer (pass's analyzer must
// require nixpass.Analyzer and nixpass.Inspect, as the rules of
// rules/internal/ruledef do). It finds the file's calls with CallsOf,
// faster than Options and Modules can.
func IndexOf(pass *analysis.Pass) *Index {
	f := nixpass.Of(pass)
	return &f.Memo(indexKey{}, func() any {
		CallsOf(pass) // for collect's Calls
		return collect(f)
	}).(*indexMemo).index
}

// indexKey is the nixpass.File.Memo key of a file's Index.
type indexKey struct{}

// indexOf returns f's Index, computed once per file whether a rule asks
// through Of, Options or Modules.
func indexOf(f *nixpass.File) *Index {
	return &f.Memo(indexKey{}, func() any { return collect(f) }).(*indexMemo).index
}
