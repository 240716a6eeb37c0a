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
	Name:     "nixoptions",
	Doc:      "the NixOS modules and option definitions of a Nix file",
	Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
	Run: func(pass *analysis.Pass) (any, error) {
		CallsOf(pass) // the index needs them: find them the fast way
		return indexOf(nixpass.Of(pass)), nil
	},
	ResultType: reflect.TypeFor[*Index](),
}

// Of returns the Index of the file under analysis; pass's analyzer must
// require Analyzer.
func Of(pass *analysis.Pass) *Index { return pass.ResultOf[Analyzer].(*Index) }

// indexKey is the nixpass.File.Memo key of a file's Index.
type indexKey struct{}

// indexOf returns f's Index, computed once per file whether a rule asks
// through Of, Options or Modules.
func indexOf(f *nixpass.File) *Index {
	return f.Memo(indexKey{}, func() any {
		c := collect(f)
		return &Index{Modules: c.modules, Defs: c.defs}
	}).(*Index)
}
