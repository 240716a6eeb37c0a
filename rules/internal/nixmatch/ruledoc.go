package nixmatch

import "strings"

// RuleDoc assembles a rule's Markdown documentation in the layout every
// rule uses (see analyzer.Rule): the summary line, "What it does", "Why is
// this bad?", the bad and good examples as nix code blocks, and "Fix
// safety" when fixSafety is not empty. It exists so rule files can write
// their examples as plain raw strings.
func RuleDoc(summary, what, why, bad, good, fixSafety string) string {
	// Every rule's documentation is assembled as the program starts:
	// one allocation each, not one per piece.
	what, why, bad, good, fixSafety = strings.TrimSpace(what), strings.TrimSpace(why),
		strings.TrimSpace(bad), strings.TrimSpace(good), strings.TrimSpace(fixSafety)
	var b strings.Builder
	b.Grow(len(summary) + len(what) + len(why) + len(bad) + len(good) + len(fixSafety) + 160)
	b.WriteString(summary)
	section := func(title, body string) {
		b.WriteString("\n\n## ")
		b.WriteString(title)
		b.WriteString("\n")
		b.WriteString(body)
	}
	code := func(title, src string) {
		section(title, "```nix\n")
		b.WriteString(src)
		b.WriteString("\n```")
	}
	section("What it does", what)
	section("Why is this bad?", why)
	code("Example", bad)
	code("Use instead", good)
	if fixSafety != "" {
		section("Fix safety", fixSafety)
	}
	return b.String()
}
