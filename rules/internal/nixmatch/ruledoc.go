package nixmatch

import "strings"

// RuleDoc assembles a rule's Markdown documentation in the layout every
// rule uses (see analyzer.Rule): the summary line, "What it does", "Why is
// this bad?", the bad and good examples as nix code blocks, and "Fix
// safety" when fixSafety is not empty. It exists so rule files can write
// their examples as plain raw strings.
func RuleDoc(summary, what, why, bad, good, fixSafety string) string {
	var b strings.Builder
	b.WriteString(summary)
	section := func(title, body string) {
		b.WriteString("\n\n## " + title + "\n" + strings.TrimSpace(body))
	}
	code := func(title, src string) {
		section(title, "```nix\n"+strings.TrimSpace(src)+"\n```")
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
