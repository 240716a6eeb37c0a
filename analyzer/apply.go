package analyzer

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/parser"
)

// applyFixes applies the chosen fixes of each unit in todo to its text and
// returns the units that changed. A unit with syntax errors is never
// changed (a fix there could delete the half-typed code being edited); a
// unit whose fixed text would have syntax errors keeps only the fixes that
// add none.
func (r *runner) applyFixes(todo []*unit, unsafe bool) ([]*unit, error) {
	var changed []*unit
	for _, u := range todo {
		if u.syntaxErrors > 0 {
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

// fixedText applies chosen (lists of edits, one per fix) to u. When the
// result has more syntax errors than u's text, the fixes are tried one by
// one in order and kept only while they add none. It returns nil when no
// fix can be applied.
func (r *runner) fixedText(u *unit, chosen [][]analysis.TextEdit) ([]byte, error) {
	apply := func(fixes [][]analysis.TextEdit) ([]byte, bool, error) {
		var edits []analysis.TextEdit
		for _, f := range fixes {
			edits = append(edits, f...)
		}
		out, _, err := ApplyEdits(u.file.Tok, u.text, edits)
		if err != nil {
			return nil, false, fmt.Errorf("%s: applying fixes: %w", u.name, err)
		}
		reparsed := parser.ParseFile(token.NewFileSet(), u.name, out)
		return out, len(reparsed.Errors) <= u.syntaxErrors, nil
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
