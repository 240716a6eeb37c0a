package analyzer

import (
	"bytes"
	"go/token"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
)

// UnusedSuppression reports suppression comments that silence nothing.
// The driver produces its findings after the other rules have run.
var UnusedSuppression = &Rule{
	Analyzer: &analysis.Analyzer{
		Name: "unused-suppression",
		Doc: "Flags `# nixaudit: ignore[…]` comments that suppress nothing.\n\n" +
			"## What it does\n\n" +
			"Reports a suppression comment when none of the rules it names reported a finding on its line " +
			"(or, for `ignore-file`, anywhere in the file), and suppressions naming a rule or category " +
			"that does not exist. Suppressions of rules that did not run (turned off, or outside " +
			"`--select`) are not reported. It also reports directives it cannot read, such as a bare " +
			"`# nixaudit: ignore` without the list of rules, which suppress nothing.\n\n" +
			"## Why is this bad?\n\n" +
			"A stale suppression hides the next real finding on that line and misleads readers about " +
			"what is wrong with the code.\n\n" +
			"## Example\n\n```nix\n{\n  # nixaudit: ignore[url-literal] mirrors need plain URLs\n  src = \"https://example.org/src.tar.gz\";\n}\n```\n\n" +
			"## Use instead\n\n```nix\n{\n  src = \"https://example.org/src.tar.gz\";\n}\n```\n\n" +
			"## Fix safety\n\nThe fix removes the unused rule names, and the whole comment when none is left. " +
			"It is safe: comments do not change what Nix evaluates.",
		Run: func(*analysis.Pass) (any, error) { return nil, nil },
	},
	Category: "meta",
	Severity: SeverityInfo,
	Fix:      FixSafe,
}

// suppressionRE matches "nixaudit: ignore[a,b]" and
// "nixaudit: ignore-file[a]" inside a comment.
var suppressionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`nixaudit:\s*ignore(-file)?\[([^\]]*)\]`) })

// directiveRE matches comments meant as nixaudit directives: those that
// start with "nixaudit:" or say "nixaudit: ignore". One that suppressionRE
// does not read, or that names no rule, is reported as malformed instead
// of being silently ignored.
var directiveRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:#|/\*+)\s*nixaudit:|nixaudit:\s*ignore`) })

// malformedMessage is the finding for a directive that cannot be read.
const malformedMessage = "malformed suppression: write nixaudit: ignore[RULE,…] or nixaudit: ignore-file[RULE,…]"

// deadnixRE matches deadnix's own suppression, honoured for the deadcode
// category so projects moving from deadnix keep their annotations.
var deadnixRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#\s*deadnix:\s*skip\b`) })

// suppression is one parsed suppression comment.
type suppression struct {
	comment *suppressionComment
	// line is the line whose findings it silences; 0 for ignore-file.
	line    int
	deadnix bool
	// malformed is set for a directive that names no rule: it silences
	// nothing and is reported.
	malformed bool
	names     []string
	used      []bool
	// namesPos and namesEnd delimit the text between the brackets.
	namesPos, namesEnd token.Pos
}

// suppressionComment is the comment a suppression was read from.
type suppressionComment struct {
	pos, end token.Pos
	ownLine  bool // nothing but whitespace precedes it on its line
}

// parseSuppressions reads the suppression comments of f.
func parseSuppressions(f *nixpass.File) []*suppression {
	var out []*suppression
	for _, c := range f.Comments {
		// Most comments are neither: skip the regexps for them.
		if !strings.Contains(c.Text, "nixaudit:") && !strings.Contains(c.Text, "deadnix:") {
			continue
		}
		m := suppressionRE().FindStringSubmatchIndex(c.Text)
		dead := m == nil && deadnixRE().MatchString(c.Text)
		if m == nil && !dead && !directiveRE().MatchString(c.Text) {
			continue
		}
		cm := &suppressionComment{pos: c.Pos(), end: c.End(), ownLine: startsLine(f, c.Pos())}
		s := &suppression{comment: cm, deadnix: dead}
		if m == nil && !dead {
			s.malformed = true
			out = append(out, s)
			continue
		}
		if dead {
			s.names = []string{"deadcode"}
		} else {
			for _, n := range strings.Split(c.Text[m[4]:m[5]], ",") {
				if n = strings.TrimSpace(n); n != "" {
					s.names = append(s.names, n)
				}
			}
			s.namesPos, s.namesEnd = c.Pos()+token.Pos(m[4]), c.Pos()+token.Pos(m[5])
			s.malformed = len(s.names) == 0
		}
		s.used = make([]bool, len(s.names))
		if dead || m[2] < 0 { // a line suppression
			s.line = targetLine(f, cm)
		}
		out = append(out, s)
	}
	return out
}

// startsLine reports whether only blanks precede pos on its line.
func startsLine(f *nixpass.File, pos token.Pos) bool {
	off := f.Offset(pos)
	start := bytes.LastIndexByte(f.Src[:off], '\n') + 1
	return len(bytes.TrimLeft(f.Src[start:off], " \t\r")) == 0
}

// targetLine is the line a line suppression applies to: its own line
// when it ends a line of code, else the next line that is not itself
// only a comment (so stacked suppressions all apply to the code below).
func targetLine(f *nixpass.File, c *suppressionComment) int {
	if !c.ownLine {
		return f.Tok.Line(c.pos)
	}
	line := f.Tok.Line(c.end)
	for line < f.Tok.LineCount() {
		line++
		start := f.Offset(f.Tok.LineStart(line))
		end := len(f.Src)
		if line < f.Tok.LineCount() {
			end = f.Offset(f.Tok.LineStart(line + 1))
		}
		text := bytes.TrimSpace(f.Src[start:end])
		if !bytes.HasPrefix(text, []byte("#")) {
			break
		}
	}
	return line
}

// match returns the index of the name by which s silences findings of
// the rule in category on line, or -1.
func (s *suppression) match(rule, category string, line int) int {
	if s.line != 0 && s.line != line {
		return -1
	}
	for i, n := range s.names {
		if n == "all" || n == rule || n == category {
			return i
		}
	}
	return -1
}

// suppresses reports whether s silences a finding of r on line, and
// records the use.
func (s *suppression) suppresses(r *Rule, line int) bool {
	i := s.match(r.Name, r.Category, line)
	if i < 0 {
		return false
	}
	s.used[i] = true
	return true
}

// suppressed reports whether any of sups silences a finding of r on line.
// Nothing silences the syntax rules: Nix rejects the code whatever a
// comment says, and the ops gate must see it.
func suppressed(sups []*suppression, r *Rule, line int) bool {
	if alwaysOn(r) {
		return false
	}
	hit := false
	for _, s := range sups {
		// Every matching suppression counts as used, not only the first.
		if s.suppresses(r, line) {
			hit = true
		}
	}
	return hit
}

// unusedSuppressions returns a diagnostic for each suppression comment of
// f naming rules that ran but silenced nothing, or unknown names. ran
// reports whether a name's rules all ran; lookup returns the error of a
// name that denotes no rule; syntax whether it names only syntax rules,
// which cannot be suppressed.
func unusedSuppressions(f *nixpass.File, sups []*suppression, ran func(string) bool, lookup func(string) error, syntax func(string) bool) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, s := range sups {
		if s.deadnix {
			continue // deadnix's annotation may be meant for deadnix itself
		}
		if s.malformed {
			out = append(out, analysis.Diagnostic{Pos: s.comment.pos, End: s.comment.end, Message: malformedMessage})
			continue
		}
		var unused, unknown, unsuppressible, keep []string
		for i, n := range s.names {
			if err := lookup(n); err != nil {
				unknown = append(unknown, err.Error())
				continue
			}
			switch {
			case syntax(n):
				unsuppressible = append(unsuppressible, n)
			case !s.used[i] && ran(n):
				unused = append(unused, n)
			default:
				keep = append(keep, n)
			}
		}
		if len(unused)+len(unknown)+len(unsuppressible) == 0 {
			continue
		}
		var parts []string
		if len(unused) > 0 {
			parts = append(parts, "no finding to suppress for "+strings.Join(unused, ", "))
		}
		if len(unsuppressible) > 0 {
			parts = append(parts, strings.Join(unsuppressible, ", ")+" cannot be suppressed: Nix rejects such code")
		}
		unused = append(unused, unsuppressible...)
		parts = append(parts, unknown...)
		fix := analysis.SuggestedFix{Message: "remove the unused suppression"}
		if len(keep) == 0 {
			fix.TextEdits = []analysis.TextEdit{removeComment(f, s.comment)}
		} else {
			fix.Message = "remove " + strings.Join(append(unused, unknown...), ", ") + " from the suppression"
			fix.TextEdits = []analysis.TextEdit{{Pos: s.namesPos, End: s.namesEnd, NewText: []byte(strings.Join(keep, ","))}}
		}
		out = append(out, analysis.Diagnostic{
			Pos: s.comment.pos, End: s.comment.end,
			Message:        "unused suppression: " + strings.Join(parts, "; "),
			SuggestedFixes: []analysis.SuggestedFix{fix},
		})
	}
	return out
}

// removeComment deletes a comment: its whole line when it stands alone,
// else the comment and the blanks before it.
func removeComment(f *nixpass.File, c *suppressionComment) analysis.TextEdit {
	start, end := f.Offset(c.pos), f.Offset(c.end)
	if c.ownLine {
		start = bytes.LastIndexByte(f.Src[:start], '\n') + 1
		if end < len(f.Src) && f.Src[end] == '\n' {
			end++
		}
	} else {
		for start > 0 && (f.Src[start-1] == ' ' || f.Src[start-1] == '\t') {
			start--
		}
	}
	return analysis.TextEdit{Pos: f.Tok.Pos(start), End: f.Tok.Pos(end)}
}
