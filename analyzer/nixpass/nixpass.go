// Package nixpass provides the base analyzers every nixaudit rule
// requires: Analyzer, whose result is one parsed and bound Nix file, and
// ProjectAnalyzer, whose result is every file of the run (for rules that
// look across files, such as flake.lock and stateVersion checks).
package nixpass

import (
	"errors"
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// File is a parsed Nix file with its bindings.
type File struct {
	*ast.File
	Info *scope.Info
}

// Load parses and binds src.
func Load(fset *token.FileSet, filename string, src []byte) *File {
	f := parser.ParseFile(fset, filename, src)
	return &File{File: f, Info: scope.Bind(f)}
}

// Analyzer's result is the *File being analyzed. The driver supplies it.
var Analyzer = &analysis.Analyzer{
	Name:       "nixfile",
	Doc:        "the parsed and bound Nix file under analysis",
	Run:        supplied,
	ResultType: reflect.TypeFor[*File](),
}

// Project is every Nix file of a run, for project-wide rules.
type Project struct {
	// Dir is the directory the run was started for: the common root of
	// its targets.
	Dir string
	// Files are every Nix file of the run, parsed and bound. To bound the
	// memory of large runs, their Tokens are released after the per-file
	// rules have run.
	Files []*File
	// AddFile reads a non-Nix file (such as flake.lock) and registers it
	// in the run's FileSet so diagnostics can point into it.
	AddFile func(path string) (*token.File, []byte, error)
}

// ProjectAnalyzer's result is the *Project. Rules that require it run
// once per run rather than once per file. The driver supplies it.
var ProjectAnalyzer = &analysis.Analyzer{
	Name:       "nixproject",
	Doc:        "every Nix file of the run",
	Run:        supplied,
	ResultType: reflect.TypeFor[*Project](),
}

func supplied(*analysis.Pass) (any, error) {
	return nil, errors.New("nixpass: this result is supplied by the nixaudit driver")
}

// Of returns the file under analysis in pass.
func Of(pass *analysis.Pass) *File { return pass.ResultOf[Analyzer].(*File) }

// ProjectOf returns the project under analysis in pass.
func ProjectOf(pass *analysis.Pass) *Project { return pass.ResultOf[ProjectAnalyzer].(*Project) }

// IsProjectWide reports whether a depends on ProjectAnalyzer.
func IsProjectWide(a *analysis.Analyzer) bool {
	for _, r := range a.Requires {
		if r == ProjectAnalyzer || IsProjectWide(r) {
			return true
		}
	}
	return false
}
