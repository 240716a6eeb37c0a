package nixmatch

import (
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// Index is what Analyzer finds in a file: its modules and their option
// definitions.
type Index struct {
	Modules []*Module
	Defs    []OptionDef
	// firsts are the first names of the paths of Defs, each once, when
	// firstsKnown (a file's definitions start with a few names: a
	// module's config, programs, home; most patterns rules look for
	// start with another).
	firsts      []string
	firstsKnown bool
	// firstKeys has the bit firstKey gives each of firsts, or every bit
	// when one is empty or holds a dot (a quoted key): a pattern whose
	// bit is clear starts with none of them, told without comparing it
	// with each (rules ask a few dozen patterns of every file).
	firstKeys uint64
}

// maxFirsts bounds the first names an Index lists.
const maxFirsts = 16

// Find is Find(x.Defs, pattern), returning at once when no definition's
// path starts with the pattern's first name.
func (x *Index) Find(pattern string) []OptionDef {
	if !x.mayDefine(pattern) {
		return nil
	}
	return Find(x.Defs, pattern)
}

// Under is Under(x.Defs, pattern), returning at once when no
// definition's path starts with the pattern's first name.
func (x *Index) Under(pattern string) []OptionDef {
	if !x.mayDefine(pattern) {
		return nil
	}
	return Under(x.Defs, pattern)
}

// mayDefine reports whether a definition of x may match pattern (or
// have it as a prefix).
func (x *Index) mayDefine(pattern string) bool {
	if len(x.Defs) == 0 {
		return false
	}
	if !x.firstsKnown || startsWithName(pattern, "*") {
		return true
	}
	return x.firstKeys&firstKey(pattern) != 0 &&
		slices.ContainsFunc(x.firsts, func(first string) bool { return startsWithName(pattern, first) })
}

// firstKey returns the bit in Index.firstKeys of a first name, or of a
// dotted pattern starting with it: that of its first two bytes, a dot
// standing for a one-byte name's second (every bit for an empty name).
func firstKey(name string) uint64 {
	switch len(name) {
	case 0:
		return ^uint64(0)
	case 1:
		return 1 << ((uint(name[0])*31 + '.') & 63)
	}
	return 1 << ((uint(name[0])*31 + uint(name[1])) & 63)
}

// startsWithName reports whether name is the first name of the dotted
// pattern. The byte after name's length and the first byte, which tell
// most names from the pattern's, are compared before the names.
func startsWithName(pattern, name string) bool {
	n := len(name)
	return len(pattern) >= n && (len(pattern) == n || pattern[n] == '.') &&
		(n == 0 || pattern[0] == name[0]) && pattern[:n] == name
}

// listFirsts sets x.firsts from x.Defs, appending to buf, and returns
// the extended buf.
func (x *Index) listFirsts(buf []string) []string {
	x.firsts, x.firstsKnown, x.firstKeys = nil, false, 0
	firsts := buf[:0]
	var keys uint64
	for i := range x.Defs {
		// Definitions in a row mostly share their first name (the
		// nested definitions of a set): the last one listed is
		// compared before all.
		if p := x.Defs[i].Path; len(p) > 0 && (len(firsts) == 0 || firsts[len(firsts)-1] != p[0]) && !slices.Contains(firsts, p[0]) {
			if len(firsts) == maxFirsts {
				return firsts
			}
			firsts = append(firsts, p[0])
			keys |= firstKey(p[0])
			if p[0] == "" || strings.IndexByte(p[0], '.') >= 0 {
				keys = ^uint64(0)
			}
		}
	}
	x.firsts, x.firstsKnown, x.firstKeys = slices.Clip(firsts), true, keys
	return firsts
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
	return &f.Memo(indexKey, func() any {
		CallsOf(pass) // for collect's Calls
		return collect(f)
	}).(*indexMemo).index
}

// indexKey is the nixpass.File.Memo key of a file's Index.
var indexKey = nixpass.NewMemoKey()

// indexOf returns f's Index, computed once per file whether a rule asks
// through Of, Options or Modules.
func indexOf(f *nixpass.File) *Index {
	return &f.Memo(indexKey, func() any { return collect(f) }).(*indexMemo).index
}
