package style

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// URLLiteral flags unquoted URIs, deprecated by RFC 45.
var URLLiteral = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "url-literal",
		Doc: "Flags unquoted URL literals.\n\n" +
			"## What it does\n\n" +
			"Reports URIs written without quotes, such as `https://example.org/src.tar.gz`, " +
			"which Nix's grammar still accepts as strings.\n\n" +
			"## Why is this bad?\n\n" +
			"RFC 45 deprecated URL literals: they look like paths or code, cannot contain " +
			"interpolation, break on characters the grammar does not allow, and are rejected when " +
			"Nix's `no-url-literals` experimental feature is on. A quoted string means the same.\n\n" +
			"## Example\n\n" +
			"```nix\n{\n  src = fetchurl {\n    url = https://example.org/hello-2.12.tar.gz;\n  };\n}\n```\n\n" +
			"## Use instead\n\n" +
			"```nix\n{\n  src = fetchurl {\n    url = \"https://example.org/hello-2.12.tar.gz\";\n  };\n}\n```\n\n" +
			"## Fix safety\n\n" +
			"Quoting is safe: a URL literal is a string with the same value, and the characters a " +
			"URL literal may contain never need escaping in a string (`$` is never followed by `{`).",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runURLLiteral,
	},
	Category: "style",
	Severity: analyzer.SeverityWarning,
	Fix:      analyzer.FixSafe,
}

func runURLLiteral(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.URIExpr)(nil)}, func(n ast.Node) {
		pass.Report(analysis.Diagnostic{
			Pos: n.Pos(), End: n.End(),
			Message: "URL literal: quote it (RFC 45)",
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "quote the URL",
				TextEdits: []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(`"` + f.Text(n) + `"`)}},
			}},
		})
	})
	return nil, nil
}
