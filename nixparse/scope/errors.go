package scope

import (
	"go/token"
	"sort"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// FileError is a syntax or semantic error of a file.
type FileError struct {
	Pos, End token.Pos
	Msg      string
}

// FileErrors returns f's syntax errors and info's semantic errors in the
// order Nix meets them, so that the first is the one Nix reports: Nix's
// parser stops at the first syntax error or parse-time semantic error
// (duplicate attribute or formal, dynamic attribute in let or inherit,
// raised after the construct that contains it), and looks for undefined
// variables only in a file that parsed. So in a file with syntax errors
// the undefined variables are left out: they are often artefacts of the
// recovery (they stay in info.Errors).
func FileErrors(f *ast.File, info *Info) []FileError {
	type raised struct {
		at token.Pos
		FileError
	}
	errs := make([]raised, 0, len(f.Errors)+len(info.Errors))
	for _, e := range f.Errors {
		errs = append(errs, raised{e.Pos, FileError{e.Pos, e.End, e.Msg}})
	}
	for _, e := range info.Errors {
		if e.Raised == token.NoPos && len(f.Errors) > 0 {
			continue
		}
		errs = append(errs, raised{e.Raised, FileError{e.Pos, e.End, e.Msg}})
	}
	sort.SliceStable(errs, func(i, j int) bool { return raisedBefore(errs[i].at, errs[j].at) })
	out := make([]FileError, len(errs))
	for i, e := range errs {
		out[i] = e.FileError
	}
	return out
}

// raisedBefore orders errors by where Nix raises them; errors raised after
// parsing (token.NoPos) come last.
func raisedBefore(ri, rj token.Pos) bool {
	if (ri == token.NoPos) != (rj == token.NoPos) {
		return rj == token.NoPos
	}
	return ri < rj
}
