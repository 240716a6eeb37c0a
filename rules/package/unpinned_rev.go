package pkgrules

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// UnpinnedRev flags fetchers pointed at a moving branch.
var UnpinnedRev = pack.WithDoc("unpinned-rev", analyzer.SeverityWarning, analyzer.FixNone, runUnpinnedRev,
	nixmatch.RuleDoc("A fetcher's `rev` names a branch, not a commit",
		"Flags `rev = \"master\"`, `\"main\"`, `\"HEAD\"` (and `\"refs/heads/master\"`, "+
			"`\"refs/heads/main\"`) in the arguments of fetchers such as `fetchFromGitHub`, "+
			"`fetchgit` and `builtins.fetchGit`.",
		"A branch moves: with a hash, the build breaks with a hash mismatch at the next commit "+
			"upstream; without one (`builtins.fetchGit`), every evaluation may fetch different "+
			"sources, so builds are not reproducible.",
		`{ fetchFromGitHub }:
fetchFromGitHub {
  owner = "owner";
  repo = "tool";
  rev = "main";
  hash = "sha256-XG9OSiNjbOXTmFLAGsWvxOcyZrR80CY/qfahPQjoyw8=";
}`,
		`{ fetchFromGitHub }:
fetchFromGitHub {
  owner = "owner";
  repo = "tool";
  rev = "4633a7c72337ea8fd23a4f2ba3972865e3ec685d";
  hash = "sha256-XG9OSiNjbOXTmFLAGsWvxOcyZrR80CY/qfahPQjoyw8=";
}`, ""))

// movingRevs are the revisions that name a branch rather than a commit.
var movingRevs = map[string]bool{"master": true, "main": true, "HEAD": true}

func runUnpinnedRev(pass *analysis.Pass) (any, error) {
	for _, b := range argBindings(pass, func(n string) bool { return n == "rev" }) {
		v, ok := nixmatch.String(b.Def.Value)
		if !ok || !movingRevs[strings.TrimPrefix(v, "refs/heads/")] {
			continue
		}
		lit := ast.Unparen(b.Def.Value)
		pass.Report(analysis.Diagnostic{
			Pos: lit.Pos(), End: lit.End(),
			Message: "`rev = \"" + v + "\"` follows a branch: pin a commit hash",
		})
	}
	return nil, nil
}
