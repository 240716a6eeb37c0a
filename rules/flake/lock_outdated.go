package flake

import (
	"fmt"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// LockOutdated flags a nixpkgs input locked long ago.
var LockOutdated = pack.WithDoc("lock-outdated", analyzer.SeverityWarning, analyzer.FixNone, runLockOutdated,
	nixmatch.RuleDoc("The locked nixpkgs is older than the age limit",
		"Flags each nixpkgs input of the root flake whose locked `lastModified` (the time of "+
			"the locked commit) lies more than `max-age-days` days (default 30) in the past. "+
			"Inputs pinned to a commit in flake.nix (`github:NixOS/nixpkgs/<rev>`) are kept old on "+
			"purpose and are not flagged. The finding points at `lastModified` in flake.lock. Set "+
			"the limit with\n\n"+
			"```toml\n[rule-options.lock-outdated]\nmax-age-days = 14\n```",
		"Security fixes reach nixpkgs channels every few days; a lock that is months old "+
			"deploys known vulnerabilities, and the longer it waits the larger (and riskier) "+
			"the eventual update.",
		`# flake.nix, with a flake.lock whose nixpkgs has
# "lastModified": 1700000000 (2023-11-14)
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
}`,
		`# the same flake.nix after `+"`nix flake update nixpkgs`"+`
# (or `+"`nixaudit update`"+`), with flake.lock committed
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
}`, ""))

// maxAgeDays is the lock-outdated rule option max-age-days.
var maxAgeDays = 30

func init() {
	LockOutdated.Flags.IntVar(&maxAgeDays, "max-age-days", maxAgeDays, "age in days after which the locked nixpkgs is outdated")
}

func runLockOutdated(pass *analysis.Pass) (any, error) {
	if maxAgeDays < 0 {
		return nil, fmt.Errorf("max-age-days must not be negative, got %d", maxAgeDays)
	}
	now := Now()
	for _, l := range locksOf(pass) {
		for _, in := range nixpkgsRoots(l.Lock) {
			locked := in.Node.Locked
			if locked == nil || (in.Node.Original != nil && in.Node.Original.Rev != "") {
				continue // pinned to a commit on purpose: an update would not move it
			}
			field, ok := locked.Fields["lastModified"]
			if !ok {
				continue
			}
			at := time.Unix(locked.LastModified, 0).UTC()
			age := int(now.Sub(at).Hours() / 24)
			if age <= maxAgeDays {
				continue
			}
			pos, end := l.span(field.Value)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: fmt.Sprintf(
				"nixpkgs input %q is locked to a commit from %s, %d days ago (limit %d): run `nix flake update %s`",
				in.Name, at.Format(time.DateOnly), age, maxAgeDays, in.Name)})
		}
	}
	return nil, nil
}
