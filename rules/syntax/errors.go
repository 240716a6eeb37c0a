// Package syntax holds the rules for what Nix itself rejects: parse
// errors, invalid literals, and the errors Nix reports while binding
// variables. They are thin: the parser and the binder find the errors,
// these rules report them.
package syntax

import (
	"embed"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

//go:embed doc/*.md
var docs embed.FS

// newRule returns an error-severity syntax rule whose doc is
// doc/NAME.md.
func newRule(name string, run func(*analysis.Pass) (any, error)) *analyzer.Rule {
	doc, err := docs.ReadFile("doc/" + name + ".md")
	if err != nil {
		panic(err) // a missing doc is a build mistake, caught by every test
	}
	return &analyzer.Rule{
		Analyzer: &analysis.Analyzer{
			Name:     name,
			Doc:      strings.TrimSpace(string(doc)),
			Requires: []*analysis.Analyzer{nixpass.Analyzer},
			Run:      run,
		},
		Category: "syntax",
		Severity: analyzer.SeverityError,
	}
}

// parseErrors reports the file's syntax errors of kind.
func parseErrors(kind ast.ErrorKind) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		for _, e := range nixpass.Of(pass).Errors {
			if e.Kind == kind {
				report(pass, e.Pos, e.End, e.Msg)
			}
		}
		return nil, nil
	}
}

// bindErrors reports the binder's errors of the given kinds. In a file
// with syntax errors, only the errors Nix raises before the first of them
// are reported: later ones are usually artefacts of the recovered tree
// (in `a = 1 b = 2;`, b parses as a variable).
func bindErrors(kinds ...scope.ErrorKind) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		f := nixpass.Of(pass)
		limit := firstSyntaxError(f)
		for _, e := range f.Info.Errors {
			if limit.IsValid() && (!e.Raised.IsValid() || e.Raised >= limit) {
				continue
			}
			if slices.Contains(kinds, e.Kind) {
				report(pass, e.Pos, e.End, e.Msg)
			}
		}
		return nil, nil
	}
}

// firstSyntaxError is the position of the file's first parse error
// (invalid literals do not disturb the tree), or token.NoPos.
func firstSyntaxError(f *nixpass.File) token.Pos {
	for _, e := range f.Errors {
		if e.Kind == ast.SyntaxErr {
			return e.Pos
		}
	}
	return token.NoPos
}

func report(pass *analysis.Pass, pos, end token.Pos, msg string) {
	pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg})
}
