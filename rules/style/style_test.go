package style

import (
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// TestRules runs every rule over its testdata: the "# want" comments,
// the golden files of the fixes (which must re-parse) and fixing twice.
func TestRules(t *testing.T) { ruletest.RunTestdata(t, Rules) }

// TestPack checks the docs and their examples, order, category and the
// catalogue's severities and fix safety.
func TestPack(t *testing.T) {
	ruletest.CheckPack(t, ruletest.Pack{Category: "style", Rules: Rules, Catalogue: map[string]ruletest.Want{
		"bool-comparison":        ruletest.WarningSafe,
		"bool-simplification":    ruletest.WarningSafe,
		"collapsible-let-in":     ruletest.WarningSafe,
		"deprecated-is-null":     ruletest.WarningSafe,
		"deprecated-to-path":     ruletest.Warning,
		"empty-inherit":          ruletest.WarningSafe,
		"empty-let-in":           ruletest.WarningSafe,
		"empty-list-concat":      ruletest.WarningSafe,
		"empty-pattern":          ruletest.WarningSafe,
		"eta-reduction":          ruletest.WarningUnsafe,
		"legacy-let-syntax":      ruletest.WarningSafe,
		"list-literal-concat":    ruletest.WarningSafe,
		"manual-inherit":         ruletest.WarningSafe,
		"manual-inherit-from":    ruletest.WarningSafe,
		"redundant-parens":       ruletest.WarningSafe,
		"redundant-pattern-bind": ruletest.WarningSafe,
		"repeated-keys":          ruletest.Info,
		"set-literal-update":     ruletest.Info,
		"url-literal":            ruletest.WarningSafe,
		"useless-has-attr":       ruletest.WarningSafe,
	}})
}

// TestExactPositions pins ranges and messages.
func TestExactPositions(t *testing.T) {
	for _, tc := range []struct {
		rule *analyzer.Rule
		file string
		want string
	}{
		{BoolComparison, "basic.nix", "" +
			"3:10-3:28: comparison with true: write cfg.enable\n" +
			"4:7-4:24: comparison with false: write !(a && b)\n" +
			"5:7-5:29: comparison with true: write !lib.isString s\n" +
			"6:7-6:21: comparison with false: write x ? y\n" +
			"7:7-7:33: comparison with false: write !builtins.elem x y\n" +
			"8:12-8:27: comparison with true: write (a < b)\n" +
			"9:8-9:19: comparison with false: write !!a\n"},
		{EmptyInherit, "inherit.nix", "" +
			"2:3-2:11: empty inherit: it binds nothing\n" +
			"8:3-8:15: empty inherit: it binds nothing\n" +
			"9:16-9:24: empty inherit: it binds nothing\n"},
		{URLLiteral, "url.nix", "" +
			"3:24-3:52: URL literal: quote it (RFC 45)\n" +
			"6:9-6:45: URL literal: quote it (RFC 45)\n" +
			"6:46-6:65: URL literal: quote it (RFC 45)\n"},
	} {
		if got := ruletest.FindingsIn(t, tc.rule, "testdata/"+tc.rule.Name, tc.file); got != tc.want {
			t.Errorf("%s findings:\n%s\nwant\n%s", tc.rule.Name, got, tc.want)
		}
	}
}

// TestFixLayout checks fixes where "# want" comments would disturb the
// layout, and precedence cases.
func TestFixLayout(t *testing.T) {
	for _, tc := range []struct {
		rule      *analyzer.Rule
		src, want string
	}{
		{EmptyLetIn, "let\nin\n{ }\n", "{ }\n"},
		{EmptyLetIn, "x: let in x\n", "x: x\n"},
		{CollapsibleLetIn, "let\n  a = 1;\nin\nlet\n  b = a;\nin\nb\n", "let\n  a = 1;\n  b = a;\nin\nb\n"},
		{RedundantParens, "f(x)\n", "f x\n"},
		{RedundantParens, "{\n  a = (\n    f x\n  );\n}\n", "{\n  a =\n    f x;\n}\n"},
		{RedundantParens, "{\n  a = (\n    f x # note\n  );\n}\n", "{\n  a =\n    f x # note\n  ;\n}\n"},
		{RedundantParens, "{ a = (x)/* c */; }\n", "{ a = x /* c */; }\n"},
		// Before the dot of a selection no blank is needed.
		{RedundantParens, "x: { a = (x).b; c = (x).${(x)}; d = (''s'').e; }\n", "x: { a = x.b; c = x.${x}; d = ''s''.e; }\n"},
		{RedundantParens, "x: { a = f (x).b; }\n", "x: { a = f x.b; }\n"},
		// Around the whole file, a line holding only ( goes.
		// Around the whole file, a line holding only ( goes and the content
		// moves back to the first column, unless that would change a string.
		{RedundantParens, "(\n  { lib, ... }:\n\n  lib\n)\n", "{ lib, ... }:\n\nlib\n"},
		{RedundantParens, "# c\n(\r\n  1\n)\n", "# c\n1\n"},
		{RedundantParens, "(\n  ''\n    a\n  ''\n)\n", "  ''\n    a\n  ''\n"},
		{RedundantParens, "(\n  \"a\n  b\"\n)\n", "  \"a\n  b\"\n"},
		{RedundantParens, "(\n  {\n a = 1; }\n)\n", "  {\n a = 1; }\n"},
		{RedundantParens, "(\n  {\n    a = ''\n      x ${y}\n    '';\n  }\n)\n", "  {\n    a = ''\n      x ${y}\n    '';\n  }\n"},
		{BoolSimplification, "!(a == b) == c\n", "(a != b) == c\n"},
		{BoolComparison, "!(x.enable == false)\n", "!(!x.enable)\n"},
		{DeprecatedIsNull, "f (isNull x)\n", "f (x == null)\n"},
		{ListLiteralConcat, "[\n  a\n] ++ [\n  b\n]\n", "[\n  a\n  b\n]\n"},
		{EmptyListConcat, "a ++ [ ] ++ b\n", "a ++ b\n"},
		{UselessHasAttr, "if x ? a then x.a else y: y\n", "x.a or (y: y)\n"},
		{LegacyLetSyntax, "let { body = 1; }\n", "rec { body = 1; }.body\n"},
		{RedundantPatternBind, "args @ { ... } : args\n", "args : args\n"},
		// `in let` alone on its line goes with the line; the blanks the two
		// deletions would each take overlapped.
		{CollapsibleLetIn, "let\n  a = 1;\nin let\n  b = a;\nin b\n", "let\n  a = 1;\n  b = a;\nin b\n"},
		{CollapsibleLetIn, "let a = 1;\nin let b = a;\nin b\n", "let a = 1;\nb = a;\nin b\n"},
		{EmptyLetIn, "let in\nx\n", "x\n"},
		{EmptyLetIn, "{\n  a =\n    let in\n    x;\n}\n", "{\n  a =\n    x;\n}\n"},
		{EmptyLetIn, "let /* c */ in x\n", "/* c */ x\n"},
		// A line holding only the inherit goes away entirely.
		{EmptyInherit, "{\n  a = 1;\n  inherit;\n}\n", "{\n  a = 1;\n}\n"},
		{EmptyInherit, "{\n  inherit;  a = 1;\n}\n", "{\n  a = 1;\n}\n"},
		{EmptyInherit, "{ a = 1; inherit; }\n", "{ a = 1; }\n"},
		{EmptyInherit, "let inherit; in 1\n", "let in 1\n"},
		{EmptyInherit, "{\n  inherit\n    ;\n}\n", "{\n}\n"},
	} {
		if got := ruletest.FixSource(t, tc.rule, tc.src); got != tc.want {
			t.Errorf("%s: fix of %q = %q, want %q", tc.rule.Name, tc.src, got, tc.want)
		}
	}
}

func TestSurvivesBrokenInput(t *testing.T) { ruletest.SurvivesBrokenInput(t, Rules) }
