package flake

import (
	"errors"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/flakelock"
)

// lockFile is a flake.nix of the project with its flake.lock.
type lockFile struct {
	Flake flakeSummary
	Path  string // the flake.lock path
	// Missing reports that there is no flake.lock next to flake.nix.
	Missing bool
	// Err is why an existing flake.lock could not be used, with Pos its
	// position when it is a syntax or structure error.
	Err error
	Pos token.Pos
	// Lock and Tok are set when the lock was read.
	Lock *flakelock.Lock
	Tok  *token.File
}

// pos returns the position of a byte offset in the lock file.
func (l *lockFile) pos(offset int) token.Pos { return l.Tok.Pos(offset) }

// span returns the positions of a span of the lock file.
func (l *lockFile) span(s flakelock.Span) (token.Pos, token.Pos) {
	return l.pos(s.Start), l.pos(s.End)
}

// locksAnalyzer reads the flake.lock of every flake.nix of the project
// once per run, registering each in the FileSet, for the flake rules.
var locksAnalyzer = &analysis.Analyzer{
	Name:       "flakelocks",
	Doc:        "the flake.lock files of the project's flakes",
	Requires:   []*analysis.Analyzer{flakeFiles},
	Run:        readLocks,
	ResultType: reflect.TypeFor[[]*lockFile](),
}

func readLocks(pass *analysis.Pass) (any, error) {
	project := nixpass.ProjectOf(pass)
	var out []*lockFile
	for i, f := range project.Files {
		l := &lockFile{Flake: project.Summaries[i].(flakeSummary), Path: filepath.Join(filepath.Dir(f.Name), "flake.lock")}
		out = append(out, l)
		tok, src, err := project.AddFile(l.Path)
		if errors.Is(err, fs.ErrNotExist) {
			l.Missing = true
			continue
		}
		if err != nil {
			l.Err = err
			continue
		}
		lock, err := flakelock.Parse(l.Path, src)
		if err != nil {
			l.Err, l.Tok = err, tok
			var le *flakelock.Error
			if errors.As(err, &le) { // the position goes to the diagnostic
				l.Err, l.Pos = errors.New(le.Msg), tok.Pos(le.Offset)
			}
			continue
		}
		l.Lock, l.Tok = lock, tok
	}
	return out, nil
}

// locksOf returns the readable lock files of the project.
func locksOf(pass *analysis.Pass) []*lockFile {
	var out []*lockFile
	for _, l := range pass.ResultOf[locksAnalyzer].([]*lockFile) {
		if l.Lock != nil {
			out = append(out, l)
		}
	}
	return out
}

// requires is the Requires list of every flake rule.
var requires = []*analysis.Analyzer{flakeFiles, locksAnalyzer}

// flakeFiles are the project's flake.nix files, the only ones the flake
// rules look at. Of each, the driver keeps the flakeSummary only: the
// files are parsed into reused memory like any other.
var flakeFiles = nixpass.ProjectSummaries("flakefiles", func(name string, _ []byte) bool {
	return nixpass.HasBase(name, "flake.nix")
}, summarizeFlake)

// flakeSummary is what the flake rules need of a flake.nix.
type flakeSummary struct {
	Name string
	// HasInputs reports whether the flake may have inputs (see
	// hasInputs).
	HasInputs bool
	// Pos and End are the range to report flake-wide findings at (see
	// flakeAnchor).
	Pos, End token.Pos
}

func summarizeFlake(f *nixpass.File) any {
	pos, end := flakeAnchor(f)
	return flakeSummary{Name: f.Name, HasInputs: hasInputs(f), Pos: pos, End: end}
}
