package style

import (
	"bytes"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// EmptyInherit flags `inherit;` and `inherit (x);`, which bind nothing.
var EmptyInherit = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "empty-inherit",
		Doc: "Flags `inherit` statements that inherit nothing.\n\n" +
			"## What it does\n\n" +
			"Reports `inherit;` and `inherit (source);` with no names, in attribute sets and `let` blocks.\n\n" +
			"## Why is this bad?\n\n" +
			"The statement binds nothing and has no effect; it is usually left over from deleting " +
			"the names it inherited, and makes readers look for what it was meant to bring in.\n\n" +
			"## Example\n\n" +
			"```nix\n{ lib, ... }:\n{\n  inherit;\n  networking.hostName = \"web\";\n}\n```\n\n" +
			"## Use instead\n\n" +
			"```nix\n{ lib, ... }:\n{\n  networking.hostName = \"web\";\n}\n```\n\n" +
			"## Fix safety\n\n" +
			"Removing the statement is safe: it binds no name, and the source of `inherit (source);` " +
			"is never evaluated when nothing is taken from it.",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runEmptyInherit,
	},
	Category: "style",
	Severity: analyzer.SeverityWarning,
	Fix:      analyzer.FixSafe,
}

func runEmptyInherit(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.Inherit)(nil)}, func(n ast.Node) {
		in := n.(*ast.Inherit)
		if len(in.Names) > 0 || !in.Semi.IsValid() {
			return
		}
		pass.Report(analysis.Diagnostic{
			Pos: in.Pos(), End: in.End(),
			Message: "empty inherit: it binds nothing",
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "remove the empty inherit",
				TextEdits: []analysis.TextEdit{removeLineOrNode(f, in)},
			}},
		})
	})
	return nil, nil
}

// removeLineOrNode deletes n: its whole line when nothing else is on it;
// with the blanks after it when it starts its line (keeping the
// indentation of what follows); else with the blanks before it.
func removeLineOrNode(f *nixpass.File, n ast.Node) analysis.TextEdit {
	start, end := f.Offset(n.Pos()), f.Offset(n.End())
	lineStart := bytes.LastIndexByte(f.Src[:start], '\n') + 1
	lineEnd := len(f.Src)
	if i := bytes.IndexByte(f.Src[end:], '\n'); i >= 0 {
		lineEnd = end + i + 1
	}
	startsLine := len(bytes.TrimSpace(f.Src[lineStart:start])) == 0
	switch {
	case startsLine && len(bytes.TrimSpace(f.Src[end:lineEnd])) == 0:
		start, end = lineStart, lineEnd
	case startsLine:
		for end < lineEnd && isBlank(f.Src[end]) {
			end++
		}
	default:
		for start > lineStart && isBlank(f.Src[start-1]) {
			start--
		}
	}
	return analysis.TextEdit{Pos: f.Tok.Pos(start), End: f.Tok.Pos(end)}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
