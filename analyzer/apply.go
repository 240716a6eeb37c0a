package analyzer

import (
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/parser"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// applyFixes applies the chosen fixes of each unit in todo to its text and
// returns the units that changed. A unit Nix rejects is never changed (a
// fix there could delete the half-typed code being edited, or pick one of
// two definitions of a name); a unit whose fixed text Nix would reject
// keeps only the fixes that add no such error.
func (r *runner) applyFixes(todo []*unit, unsafe bool) ([]*unit, error) {
	var changed []*unit
	for _, u := range todo {
		if u.rejected() {
			continue
		}
		u.noteSecrets()
		chosen := chooseFixes(u.candidates(unsafe))
		if len(chosen) == 0 {
			continue
		}
		out, err := r.fixedText(u, chosen)
		if err != nil {
			return nil, err
		}
		if out == nil || string(out) == string(u.text) {
			continue
		}
		u.text = out
		changed = append(changed, u)
	}
	return changed, nil
}

// rejected reports whether Nix rejects u's text, as far as its latest
// analysis found: a syntax error or another finding of the syntax
// category (an undefined variable, a duplicate attribute or formal, …).
func (u *unit) rejected() bool {
	return u.syntaxErrors > 0 || slices.ContainsFunc(u.kept, func(f finding) bool { return f.rule.Category == syntaxCategory })
}

// noteSecrets records the text of the secret findings of u's latest
// analysis, so that the diff of its fixes can mask them in the old text,
// the new one, and the texts between.
func (u *unit) noteSecrets() {
	for _, f := range u.raw {
		if f.d.Category != "secret" {
			continue
		}
		start, end := u.file.Offset(f.d.Pos), u.file.Offset(f.d.End)
		if 0 <= start && start < end && end <= len(u.text) {
			u.secrets = append(u.secrets, string(u.text[start:end]))
		}
	}
}

// candidates returns the first applicable fix of each finding of u.
func (u *unit) candidates(unsafe bool) []candidate {
	var cands []candidate
	for _, list := range [][]finding{u.kept, u.unused} {
		for _, f := range list {
			for _, fix := range f.d.SuggestedFixes {
				if safe, _ := FixIsSafe(f.rule.Rule, fix); safe || unsafe {
					cands = append(cands, candidate{rule: f.rule.Name, fix: fix, start: firstEdit(fix)})
					break
				}
			}
		}
	}
	return cands
}

// fixedText applies chosen (lists of edits, one per fix) to u. When Nix
// would reject the result for more errors than u's text, the fixes are
// tried one by one in order and kept only while they add none. It returns
// nil when no fix can be applied.
func (r *runner) fixedText(u *unit, chosen [][]analysis.TextEdit) ([]byte, error) {
	before := nixErrors(u.name, u.text)
	apply := func(fixes [][]analysis.TextEdit) ([]byte, bool, error) {
		var edits []analysis.TextEdit
		for _, f := range fixes {
			edits = append(edits, f...)
		}
		out, _, err := ApplyEdits(u.file.Tok, u.text, edits)
		if err != nil {
			return nil, false, fmt.Errorf("%s: applying fixes: %w", u.name, err)
		}
		after := nixErrors(u.name, out)
		return out, after.syntax <= before.syntax && after.binding <= before.binding, nil
	}
	out, ok, err := apply(chosen)
	if err != nil || ok {
		return out, err
	}
	var kept [][]analysis.TextEdit
	var best []byte
	for _, fix := range chosen {
		out, ok, err := apply(append(kept, fix))
		if err != nil {
			return nil, err
		}
		if ok {
			kept, best = append(kept, fix), out
		}
	}
	return best, nil
}

// errorCount counts the errors Nix rejects a text for.
type errorCount struct {
	syntax  int // syntax errors
	binding int // the binder's: undefined variables, duplicate attributes and formals, …
}

// nixErrors counts the errors Nix rejects text for.
func nixErrors(name string, text []byte) errorCount {
	f := parser.ParseFile(token.NewFileSet(), name, text)
	return errorCount{syntax: len(f.Errors), binding: len(scope.Bind(f).Errors)}
}
