package flake

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// FlakeInputUnpinned flags inputs the lock does not pin to a revision.
var FlakeInputUnpinned = pack.WithDoc("flake-input-unpinned", analyzer.SeverityWarning, analyzer.FixNone, runFlakeInputUnpinned,
	nixmatch.RuleDoc("A flake input is not pinned to a revision in flake.lock",
		"Flags each node of flake.lock reachable from the root that has no `locked` "+
			"reference, or whose locked GitHub, GitLab, sourcehut, git or Mercurial reference "+
			"has no `rev`. Nix always writes a revision for these; a lock without one was "+
			"edited by hand or written by a broken tool.",
		"An input without a locked revision is fetched at whatever its branch points to "+
			"when it is fetched: the lock no longer makes builds reproducible.",
		`# flake.nix, with a flake.lock edited by hand whose "tool"
# node has "locked": { "owner": "owner", "repo": "tool", "type": "github" }
{
  inputs.tool.url = "github:owner/tool";
}`,
		`# the same flake.nix, relocked with `+"`nix flake update tool`"+`: the lock
# records "rev", "narHash" and "lastModified" for the input
{
  inputs.tool.url = "github:owner/tool";
}`, ""))

// revisionTypes are the reference types a lock pins with a rev.
var revisionTypes = map[string]bool{"github": true, "gitlab": true, "sourcehut": true, "git": true, "mercurial": true}

func runFlakeInputUnpinned(pass *analysis.Pass) (any, error) {
	for _, l := range locksOf(pass) {
		reachable := l.Lock.InputPaths()
		for _, name := range l.Lock.NodeNames {
			n := l.Lock.Nodes[name]
			if len(reachable[n]) == 0 {
				continue
			}
			var msg string
			switch {
			case n.Locked == nil:
				msg = "input " + quote(n.Name) + " has no locked reference: run `nix flake lock`"
			case revisionTypes[n.Locked.Type] && n.Locked.Rev == "":
				msg = "input " + quote(n.Name) + " (" + n.Locked.Type + ") is locked without a `rev`: relock it with `nix flake update " + n.Name + "`"
			default:
				continue
			}
			pos, end := l.span(n.KeyAt)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg})
		}
	}
	return nil, nil
}
