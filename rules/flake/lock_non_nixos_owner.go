package flake

import (
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// LockNonNixOSOwner flags nixpkgs taken from somewhere other than NixOS.
var LockNonNixOSOwner = pack.WithDoc("lock-non-nixos-owner", analyzer.SeverityWarning, analyzer.FixNone, runLockNonNixOSOwner,
	nixmatch.RuleDoc("nixpkgs is not locked from the NixOS organisation",
		"Flags each nixpkgs input of the root flake whose locked source is not NixOS's: a "+
			"GitHub (or GitLab, sourcehut) owner other than `NixOS`, or a git or tarball URL "+
			"outside github.com/NixOS and nixos.org. The finding points at the locked `owner` "+
			"or `url` in flake.lock.",
		"A fork of nixpkgs receives security fixes only when its owner merges them, and its "+
			"owner can change any package of every machine that uses it; the binary cache "+
			"has no builds of commits that exist only in the fork.",
		`{
  inputs.nixpkgs.url = "github:someone/nixpkgs/nixos-unstable";
}`,
		`{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
}`, ""))

// nixosURL matches URLs of NixOS's own nixpkgs sources.
var nixosURL = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:git\+)?https?://(?:github\.com/NixOS/|(?:[a-z]+\.)?nixos\.org/)`)
})

func runLockNonNixOSOwner(pass *analysis.Pass) (any, error) {
	for _, l := range locksOf(pass) {
		for _, in := range nixpkgsRoots(l.Lock) {
			r := in.Node.Locked
			if r == nil {
				continue
			}
			var field, source string
			switch r.Type {
			case "github", "gitlab", "sourcehut":
				if strings.EqualFold(r.Owner, "NixOS") {
					continue
				}
				field, source = "owner", r.Type+":"+r.Owner+"/"+r.Repo
			case "git", "tarball", "file":
				if nixosURL().MatchString(r.URL) {
					continue
				}
				field, source = "url", r.URL
			default:
				continue // local paths and the registry: not a source to judge
			}
			f, ok := r.Fields[field]
			if !ok {
				continue
			}
			pos, end := l.span(f.Value)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end,
				Message: "nixpkgs input " + quote(in.Name) + " is locked from " + source + ", not from NixOS: use github:NixOS/nixpkgs"})
		}
	}
	return nil, nil
}
