package style

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
	"github.com/nixaudit/nixaudit/rules/internal/ruletest"
)

// statixRules are the rules of this file's tests (url-literal and
// empty-inherit have their own).
var statixRules = []*analyzer.Rule{
	BoolComparison, BoolSimplification, CollapsibleLetIn, DeprecatedIsNull, DeprecatedToPath,
	EmptyLetIn, EmptyListConcat, EmptyPattern, EtaReduction, LegacyLetSyntax, ListLiteralConcat,
	ManualInherit, ManualInheritFrom, RedundantParens, RedundantPatternBind, RepeatedKeys,
	SetLiteralUpdate, UselessHasAttr,
}

// TestStatixRules runs every rule over its testdata: the "# want"
// comments, the golden files of the fixes (which must re-parse), fixing
// twice, and the rule's documentation.
func TestStatixRules(t *testing.T) {
	for _, r := range statixRules {
		t.Run(r.Name, func(t *testing.T) {
			dir := filepath.Join("testdata", r.Name)
			analyzertest.RunWithSuggestedFixes(t, dir, r)
			if r.Fix != analyzer.FixNone {
				ruletest.FixTwice(t, dir, r)
			}
			ruletest.CheckDoc(t, r)
		})
	}
}

func TestRulesSorted(t *testing.T) {
	for i := 1; i < len(Rules); i++ {
		if Rules[i-1].Name >= Rules[i].Name {
			t.Errorf("Rules not sorted: %s before %s", Rules[i-1].Name, Rules[i].Name)
		}
	}
	for _, r := range statixRules {
		if r.Category != "style" {
			t.Errorf("%s: category %q", r.Name, r.Category)
		}
	}
}

// TestStatixExactPositions pins ranges and messages on one file.
func TestStatixExactPositions(t *testing.T) {
	res := analyzertest.Analyze(t, "testdata/bool-comparison", BoolComparison)
	want := "3:10-3:28: comparison with true: write cfg.enable\n" +
		"4:7-4:24: comparison with false: write !(a && b)\n" +
		"5:7-5:29: comparison with true: write !lib.isString s\n" +
		"6:7-6:21: comparison with false: write x ? y\n" +
		"7:7-7:33: comparison with false: write !builtins.elem x y\n" +
		"8:12-8:27: comparison with true: write (a < b)\n" +
		"9:8-9:19: comparison with false: write !!a\n"
	if got := analyzertest.Format(res[0].Findings); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
}

// TestStatixFixLayout checks fixes where "# want" comments would disturb
// the layout, and precedence cases.
func TestStatixFixLayout(t *testing.T) {
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
		{BoolSimplification, "!(a == b) == c\n", "(a != b) == c\n"},
		{BoolComparison, "!(x.enable == false)\n", "!(!x.enable)\n"},
		{DeprecatedIsNull, "f (isNull x)\n", "f (x == null)\n"},
		{ListLiteralConcat, "[\n  a\n] ++ [\n  b\n]\n", "[\n  a\n  b\n]\n"},
		{EmptyListConcat, "a ++ [ ] ++ b\n", "a ++ b\n"},
		{UselessHasAttr, "if x ? a then x.a else y: y\n", "x.a or (y: y)\n"},
		{LegacyLetSyntax, "let { body = 1; }\n", "rec { body = 1; }.body\n"},
		{RedundantPatternBind, "args @ { ... } : args\n", "args : args\n"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "a.nix"), []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		res := analyzertest.Analyze(t, dir, tc.rule)
		if got := string(analyzertest.Fix(t, res[0])); got != tc.want {
			t.Errorf("%s: fix of %q = %q, want %q", tc.rule.Name, tc.src, got, tc.want)
		}
	}
}

func TestSurvivesBrokenInput(t *testing.T) { ruletest.SurvivesBrokenInput(t, statixRules) }
