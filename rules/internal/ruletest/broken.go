package ruletest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
)

// brokenSources are truncated and malformed files, whose partial trees
// (with BadExpr, missing semicolons, empty patterns) rules must survive.
var brokenSources = []string{
	"",
	"let a = ; in",
	"let a = 1; b = a",
	"{ a, b, ... ",
	"x@{ a, }: ",
	"with ; x",
	"rec { a = ; b = a",
	"let inherit (x) ; in 1",
	"let ${x} = 1; in x",
	"{ a ? , b }: a",
	"let { a = 1; ",
	"(x: ",
	"if x ? then x. else",
	"[ 1 ] ++ [ ",
	"!(a == )",
	"{ a.b = 1; a.",
}

// SurvivesBrokenInput runs each rule over malformed files: a panic or an
// error from a rule fails the test; what the rules report there does not
// matter.
func SurvivesBrokenInput(t *testing.T, rules []*analyzer.Rule) {
	t.Helper()
	for _, src := range brokenSources {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "error_input.nix"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, r := range rules {
			analyzertest.Analyze(t, dir, r)
		}
	}
}
