package syntax

import (
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
)

// TestRules checks each rule against its testdata's "# want" comments.
func TestRules(t *testing.T) {
	for _, r := range Rules {
		t.Run(r.Name, func(t *testing.T) {
			analyzertest.Run(t, "testdata/"+r.Name, r)
		})
	}
}

// TestPositions pins the exact ranges, which "# want" comments check
// only by line. Where Nix reports an error at the enclosing let or
// function (a dynamic let attribute, an @-name repeated in the pattern),
// so does nixaudit, with an empty range there.
func TestPositions(t *testing.T) {
	for _, tc := range []struct {
		rule *analyzer.Rule
		file string
		want string
	}{
		{UndefinedVariable, "undefined.nix", "3:7-3:8: undefined variable 'b'\n" +
			"11:7-11:14: undefined variable 'missing'\n" +
			"12:14-12:15: undefined variable 'y'\n" +
			"13:10-13:14: undefined variable 'nope'\n" +
			"15:46-15:52: undefined variable 'absent'\n"},
		{SyntaxError, "error_recovery.nix", "2:7-2:8: syntax error, unexpected ';'\n" +
			"4:13-4:14: syntax error, unexpected ')'\n"},
		{InvalidLiteral, "error_literals.nix", "2:3-2:23: invalid integer '99999999999999999999'\n" +
			"4:12-4:12: path has a trailing slash\n" +
			"6:7-6:7: path has a trailing slash\n"},
		{UndefinedVariable, "error_cascade.nix", ""},
		{DuplicateFormal, "formal.nix", "2:17-2:21: duplicate formal function argument 'pkgs'\n" +
			"3:4-3:4: duplicate formal function argument 'args'\n" +
			"5:12-5:13: duplicate formal function argument 'x'\n" +
			"5:15-5:16: duplicate formal function argument 'y'\n"},
		{DynamicAttributeInLet, "dynamic.nix", "1:1-1:1: dynamic attributes not allowed in let\n" +
			"6:17-6:24: dynamic attributes not allowed in inherit\n"},
	} {
		found := false
		for _, res := range analyzertest.Analyze(t, "testdata/"+tc.rule.Name, tc.rule) {
			if filepath.Base(res.File.Name) != tc.file {
				continue
			}
			found = true
			if got := analyzertest.Format(res.Findings); got != tc.want {
				t.Errorf("%s:\n%s\nwant\n%s", tc.rule.Name, got, tc.want)
			}
		}
		if !found {
			t.Errorf("%s: no testdata file %s", tc.rule.Name, tc.file)
		}
	}
}
