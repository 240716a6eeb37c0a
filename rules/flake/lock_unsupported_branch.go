package flake

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/flakelock"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// LockUnsupportedBranch flags nixpkgs inputs that track no supported
// channel.
var LockUnsupportedBranch = pack.WithDoc("lock-unsupported-branch", analyzer.SeverityWarning, analyzer.FixNone, runLockUnsupportedBranch,
	nixmatch.RuleDoc("nixpkgs tracks a branch that is not a supported channel",
		"Reads the branch each nixpkgs input of the root flake tracks (`original.ref` in "+
			"flake.lock, the default branch `master` when a GitHub reference names none, or the "+
			"channel in a channel or archive URL) and flags releases past their end of life, "+
			"`master`, and names that are no channel at all. The channel table (rolling "+
			"channels, and each release with its end of life) is the embedded channels.json, "+
			"which records the date it was last checked. Inputs pinned to a commit "+
			"(`original.rev`) and registry references are not judged.",
		"A release past its end of life gets no security fixes; `master` has not passed the "+
			"tests a channel waits for, so it may not build or boot; a branch that is not a "+
			"channel has neither property.",
		`{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-23.11";
}`,
		`{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
}`, ""))

func runLockUnsupportedBranch(pass *analysis.Pass) (any, error) {
	now := Now()
	for _, l := range locksOf(pass) {
		for _, in := range nixpkgsRoots(l.Lock) {
			ref, at, ok := trackedBranch(in.Node)
			if !ok {
				continue
			}
			if problem := channelProblem(ref, now); problem != "" {
				pos, end := l.span(at)
				pass.Report(analysis.Diagnostic{Pos: pos, End: end,
					Message: "nixpkgs input " + quote(in.Name) + ": " + problem})
			}
		}
	}
	return nil, nil
}

// trackedBranch returns the branch or channel a nixpkgs node tracks and
// the span to report it at, or false when it tracks none (a commit, the
// registry, a local path) or the reference does not say.
func trackedBranch(n *flakelock.Node) (string, flakelock.Span, bool) {
	o := n.Original
	if o == nil || o.Rev != "" {
		return "", flakelock.Span{}, false
	}
	switch o.Type {
	case "github", "gitlab", "sourcehut":
		if f, ok := o.Fields["ref"]; ok {
			return o.Ref, f.Value, true
		}
		if f, ok := o.Fields["repo"]; ok && o.Type == "github" {
			return "master", f.Value, true // the repository's default branch
		}
	case "git":
		if f, ok := o.Fields["ref"]; ok {
			return o.Ref, f.Value, true
		}
	case "tarball", "file":
		if m := channelURL().FindStringSubmatch(o.URL); m != nil {
			if ref := m[1] + m[2]; ref != "" && !isCommit(ref) {
				return ref, o.Fields["url"].Value, true
			}
		}
	}
	return "", flakelock.Span{}, false
}

// isCommit reports whether s looks like a full commit hash.
func isCommit(s string) bool {
	if len(s) != 40 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func quote(s string) string { return `"` + s + `"` }
