// Package nixpass provides the base analyzers every nixaudit rule
// requires: Analyzer, whose result is one parsed and bound Nix file, and
// ProjectAnalyzer and the bases ProjectFiles makes, whose result is the
// files of the run a rule that looks across files (such as flake.lock and
// stateVersion checks) needs.
package nixpass

import (
	"errors"
	"go/token"
	"reflect"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// File is a parsed Nix file with its bindings.
type File struct {
	*ast.File
	Info *scope.Info

	// memoMu serializes the writes of memo's slots (and the table's
	// making); a value is read without it, from a slot marked set.
	memoMu sync.Mutex
	// memo holds Memo's values, one slot per MemoKey: some eighty rules
	// ask a few keys of every file, and indexing the table by the key
	// costs less than a search of the values (under a lock) did. It is
	// made at the first Memo, so files nothing memoizes on take none.
	memo atomic.Pointer[memoTable]
}

type memoTable struct{ slots []memoSlot }

type memoSlot struct {
	// set is stored after value (and cleared after it is dropped), so a
	// reader that finds it set sees the value.
	set   atomic.Bool
	value any
}

// A MemoKey names a kind of value File.Memo keeps per file. Make each
// with NewMemoKey, once, in a package-level variable (as with
// context.Context keys, one per value kind of your package): a key is the
// index of a slot of every file's memo.
type MemoKey struct {
	index int // 1 + the slot's index; 0 in a key NewMemoKey did not make
}

// memoKeys counts the keys made by NewMemoKey.
var memoKeys atomic.Int32

// NewMemoKey returns a key no other call returns.
func NewMemoKey() MemoKey { return MemoKey{int(memoKeys.Add(1))} }

// Memo returns the value compute returns for f and key, calling compute
// only the first time key is asked for f. It lets helpers that take a
// *File rather than an analysis.Pass (nixmatch.Options, called by rules
// and by project-wide rules alike) derive their per-file results once
// however many rules ask. compute may itself call Memo (for another
// key); no lock is held while it runs, so two goroutines asking at once
// may both compute, and both get the value stored first.
func (f *File) Memo(key MemoKey, compute func() any) any {
	if t := f.memo.Load(); t != nil && uint(key.index-1) < uint(len(t.slots)) {
		if s := &t.slots[key.index-1]; s.set.Load() {
			return s.value
		}
	}
	return f.memoize(key, compute())
}

// memoize stores v as f's value for key unless a value is stored
// already, and returns the stored value.
func (f *File) memoize(key MemoKey, v any) any {
	f.memoMu.Lock()
	defer f.memoMu.Unlock()
	s := f.slot(key)
	if s.set.Load() {
		return s.value
	}
	s.value = v
	s.set.Store(true)
	return v
}

// slot returns key's slot of f's memo, making or growing the table (a
// key made after it was made); f.memoMu must be held. A grown table
// replaces the last one whole: readers still holding that one find no
// value there and come here.
func (f *File) slot(key MemoKey) *memoSlot {
	if key.index <= 0 {
		panic("nixpass: File.Memo with a MemoKey not made by NewMemoKey")
	}
	t := f.memo.Load()
	if t == nil || key.index > len(t.slots) {
		grown := &memoTable{slots: make([]memoSlot, max(int(memoKeys.Load()), key.index))}
		if t != nil {
			for i := range t.slots {
				if t.slots[i].set.Load() {
					grown.slots[i].value = t.slots[i].value
					grown.slots[i].set.Store(true)
				}
			}
		}
		f.memo.Store(grown)
		t = grown
	}
	return &t.slots[key.index-1]
}

// ReleaseMemo drops f's memoized values, calling Release on those that
// have the method so that their memory serves the next file. The driver
// calls it when a file loaded into a Loader's reused memory is done with
// (every rule has run and its findings are copied out), so a memoized
// value may reuse memory as the Loader's trees do: it must not be used
// once its file is released, and nothing that outlives the file, such as
// a diagnostic, may refer to its memory.
func (f *File) ReleaseMemo() { f.dropMemo(true) }

// dropMemo empties f's memo, releasing the values when release is set.
func (f *File) dropMemo(release bool) {
	f.memoMu.Lock()
	defer f.memoMu.Unlock()
	t := f.memo.Load()
	if t == nil {
		return
	}
	for i := range t.slots {
		s := &t.slots[i]
		if !s.set.Load() {
			continue
		}
		if release {
			if r, ok := s.value.(interface{ Release() }); ok {
				r.Release()
			}
		}
		s.set.Store(false)
		s.value = nil
	}
}

// Load parses and binds src into memory of its own: the File stays valid
// for good.
func Load(fset *token.FileSet, filename string, src []byte) *File {
	f := parser.ParseFile(fset, filename, src)
	return &File{File: f, Info: scope.Bind(f)}
}

// A Loader parses and binds files one after another, reusing the memory
// of the last file's tree and bindings for the next (see parser.Parser
// and scope.Binder): a worker loading thousands of files then allocates
// little. The File Load returns is valid until the next Load; its strings
// and positions stay valid, and src must not be modified while they are
// in use. The zero Loader is ready; it must not be used by several
// goroutines at once.
type Loader struct {
	parser parser.Parser
	binder scope.Binder
	// file is the File Load returns, reused with its memo table.
	file File
}

// Recycle tells l that the File its last Load returned is no longer
// used at all, nor its token.File (see parser.Parser.Recycle): the next
// Load reuses its memory. fset is the FileSet of that Load.
func (l *Loader) Recycle(fset *token.FileSet) {
	l.parser.Recycle(fset, l.file.File)
}

// Load parses and binds src into l's reused memory.
func (l *Loader) Load(fset *token.FileSet, filename string, src []byte) *File {
	f := l.parser.ParseFile(fset, filename, src)
	l.file.dropMemo(false) // the last file's values, if they were not released
	l.file.File, l.file.Info = f, l.binder.Bind(f)
	return &l.file
}

// Analyzer's result is the *File being analyzed. The driver supplies it.
var Analyzer = &analysis.Analyzer{
	Name:       "nixfile",
	Doc:        "the parsed and bound Nix file under analysis",
	Run:        supplied,
	ResultType: reflect.TypeFor[*File](),
}

// Project is the Nix files of a run a project-wide rule looks at.
type Project struct {
	// Dir is the directory the run was started for: the common root of
	// its targets.
	Dir string
	// Files are the Nix files of the run the rule's base analyzer keeps
	// (every file for ProjectAnalyzer, those its filter accepts for one
	// made by ProjectFiles), parsed and bound, in the run's order. To
	// bound the memory of large runs, their Tokens are released after the
	// per-file rules have run.
	Files []*File
	// Summaries holds, for a base made by ProjectSummaries, what its
	// summarize function returned for each of Files (whose trees are then
	// not kept: only their names, sources and line tables).
	Summaries []any
	// AddFile reads a non-Nix file (such as flake.lock) and registers it
	// in the run's FileSet so diagnostics can point into it. That FileSet,
	// the rule's pass.Fset, holds the files of the run that project-wide
	// rules look at and those added so, not every file of the run.
	AddFile func(path string) (*token.File, []byte, error)
}

// ProjectAnalyzer's result is the *Project of every Nix file of the run.
// Rules that require it run once per run rather than once per file. The
// driver supplies it. As it makes the driver keep every file's tree and
// bindings until the end of the run, prefer ProjectFiles.
var ProjectAnalyzer = ProjectFiles("nixproject", func(string, []byte) bool { return true })

// projectFilters are the filters of the base analyzers made by
// ProjectFiles. It is written only by package initialization (analyzers
// are package-level variables) and read by drivers afterwards.
var projectFilters = map[*analysis.Analyzer]func(name string, src []byte) bool{}

// ProjectFiles returns a base analyzer for project-wide rules whose
// result is the *Project of the files keep accepts. keep is called once
// per file with its name and source, and must accept every file whose
// tree the rule could need: the driver keeps the trees and bindings of
// accepted files only, so large runs do not hold every file in memory.
// A filter on the file name (flake.nix) or on words the rule looks for
// (stateVersion) is typical. Declare the result as a package-level
// variable, since the driver matches analyzers by identity:
//
//	var flakeFiles = nixpass.ProjectFiles("flakefiles", func(name string, _ []byte) bool {
//		return nixpass.HasBase(name, "flake.nix")
//	})
func ProjectFiles(name string, keep func(name string, src []byte) bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       name,
		Doc:        "the Nix files of the run a project-wide rule looks at",
		Run:        supplied,
		ResultType: reflect.TypeFor[*Project](),
	}
	projectFilters[a] = keep
	return a
}

// projectSummarizers are the summarize functions of the bases made by
// ProjectSummaries, written only by package initialization.
var projectSummarizers = map[*analysis.Analyzer]func(*File) any{}

// ProjectSummaries is ProjectFiles for project-wide rules that need, of
// each file keep accepts, only what summarize derives from its tree and
// bindings (positions, names, flags). The driver calls summarize once
// the per-file rules have run on the file, while its tree is at hand,
// and keeps the value in Project.Summaries instead of the tree, so the
// file is parsed into the worker's reused memory like any other: the
// value must not hold nodes or bindings of the tree (positions and
// strings stay valid).
func ProjectSummaries(name string, keep func(name string, src []byte) bool, summarize func(*File) any) *analysis.Analyzer {
	a := ProjectFiles(name, keep)
	projectSummarizers[a] = summarize
	return a
}

// ProjectSummarizer returns the summarize function of a base made by
// ProjectSummaries, or nil.
func ProjectSummarizer(a *analysis.Analyzer) func(*File) any {
	return projectSummarizers[a]
}

// ProjectFilter returns the filter of a base analyzer made by
// ProjectFiles (ProjectAnalyzer included), or nil when a is not one.
func ProjectFilter(a *analysis.Analyzer) func(name string, src []byte) bool {
	return projectFilters[a]
}

// ProjectBases returns the base analyzers made by ProjectFiles that
// analyzers require, directly or not, each once, in order of first use.
// A driver supplies a *Project for each.
func ProjectBases(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		if projectFilters[a] != nil {
			out = append(out, a)
		}
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range analyzers {
		visit(a)
	}
	return out
}

func supplied(*analysis.Pass) (any, error) {
	return nil, errors.New("nixpass: this result is supplied by the nixaudit driver")
}

// Of returns the file under analysis in pass.
func Of(pass *analysis.Pass) *File { return pass.ResultOf[Analyzer].(*File) }

// ProjectOf returns the project under analysis in pass: the result of
// the ProjectAnalyzer or ProjectFiles base that pass's analyzer requires.
func ProjectOf(pass *analysis.Pass) *Project {
	for a, r := range pass.ResultOf {
		if projectFilters[a] != nil {
			return r.(*Project)
		}
	}
	panic("nixpass.ProjectOf: " + pass.Analyzer.Name + " requires no project base analyzer")
}

// IsProjectWide reports whether a depends on ProjectAnalyzer or another
// base made by ProjectFiles.
func IsProjectWide(a *analysis.Analyzer) bool {
	for _, r := range a.Requires {
		if projectFilters[r] != nil || IsProjectWide(r) {
			return true
		}
	}
	return false
}
