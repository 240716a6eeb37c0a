package flake

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/flakelock"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// LockDuplicateInputs flags dependencies that lock their own copy of a
// flake the root already has.
var LockDuplicateInputs = pack.WithDoc("lock-duplicate-inputs", analyzer.SeverityWarning, analyzer.FixNone, runLockDuplicateInputs,
	nixmatch.RuleDoc("A dependency locks its own copy of an input the flake already has",
		"Flags each node of flake.lock that locks the same flake (same forge, owner and "+
			"repository, or URL) as one of the root's inputs, without being that input: "+
			"typically the `nixpkgs_2`, `nixpkgs_3`, … that every dependency without `follows` "+
			"adds. The finding points at the node in flake.lock and names the `follows` line "+
			"that removes it.",
		"Every copy of nixpkgs is another evaluation of nixpkgs (seconds and hundreds of "+
			"megabytes each) and another set of packages to download and patch; packages "+
			"from two nixpkgs mix two glibc versions in one system.",
		`{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.home-manager.url = "github:nix-community/home-manager";
}`,
		`{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.home-manager.url = "github:nix-community/home-manager";
  inputs.home-manager.inputs.nixpkgs.follows = "nixpkgs";
}`, ""))

func runLockDuplicateInputs(pass *analysis.Pass) (any, error) {
	for _, l := range locksOf(pass) {
		// The root's own inputs, by identity, in file order.
		direct := map[*flakelock.Node]bool{}
		byIdentity := map[string][]rootInput{}
		for _, in := range rootInputs(l.Lock) {
			direct[in.Node] = true
			if id := identity(in.Node); id != "" && !in.Follows {
				byIdentity[id] = append(byIdentity[id], in)
			}
		}
		paths := l.Lock.InputPaths()
		for _, name := range l.Lock.NodeNames {
			n := l.Lock.Nodes[name]
			candidates := byIdentity[identity(n)]
			if direct[n] || len(candidates) == 0 || len(paths[n]) == 0 {
				continue
			}
			path := paths[n][0]
			target := candidates[0]
			for _, c := range candidates {
				if c.Name == path[len(path)-1] {
					target = c
				}
			}
			msg := fmt.Sprintf("%q duplicates the root input %q (through %s): add `%s = %q;` to flake.nix",
				n.Name, target.Name, strings.Join(path, "/"), followsLine(path), target.Name)
			if more := len(paths[n]) - 1; more > 0 {
				msg += fmt.Sprintf(" (%d more paths lead to it)", more)
			}
			pos, end := l.span(n.KeyAt)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg})
		}
	}
	return nil, nil
}

// followsLine returns the flake.nix attribute path that makes the input at
// path follow another: inputs.a.inputs.b.follows.
func followsLine(path []string) string {
	return "inputs." + strings.Join(path, ".inputs.") + ".follows"
}
