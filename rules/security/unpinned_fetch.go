package security

import (
	"regexp"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// UnpinnedFetch flags evaluation-time fetches of whatever a URL serves
// today.
var UnpinnedFetch = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "unpinned-fetch",
		Doc: "`builtins.fetchTarball`/`fetchGit`/`fetchurl` without a hash or rev" + `

## What it does
Flags ` + "`builtins.fetchTarball`, `builtins.fetchurl`" + ` and ` + "`builtins.fetchTree`" + `
without ` + "`sha256`/`hash`/`narHash`" + `, and ` + "`builtins.fetchGit`" + ` without ` + "`rev`" + `
(or a hash). Outside flakes a tarball URL that names a full commit id
counts as pinned. A warning, and an error in ` + "`flake.nix`" + `, where pure
evaluation rejects such fetches.

## Why is this bad?
The content is whatever the server returns at evaluation time: builds
change without any change to the code, cannot be reproduced, and a
compromised server or branch injects code into every machine.

## Example
` + "```nix" + `
import (builtins.fetchTarball "https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz") { }
` + "```" + `

## Use instead
` + "```nix" + `
import (builtins.fetchTarball {
  url = "https://github.com/NixOS/nixpkgs/archive/0123456789abcdef0123456789abcdef01234567.tar.gz";
  sha256 = "0000000000000000000000000000000000000000000000000000";
}) { }
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runUnpinnedFetch,
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "5.0",
}

// evalFetchers are the builtins that fetch while evaluating.
var evalFetchers = newNameSet("builtins.fetchTarball", "builtins.fetchurl", "builtins.fetchGit", "builtins.fetchTree")

var hashAttrs = []string{"sha256", "hash", "narHash"}

// commitID is compiled on first use, as most runs meet no fetch.
var commitID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b[0-9a-f]{40}\b`) })

func runUnpinnedFetch(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	flake := nixpass.HasBase(f.Name, "flake.nix")
	for _, c := range nixmatch.CallsOf(pass) {
		fetcher, ok := evalFetchers.find(c.Name)
		if !ok {
			continue
		}
		// The fetcher is the function of the innermost application of
		// (f a) b, whose own first argument is the fetcher's.
		call := c.Innermost()
		if pinned(call.Args[0], fetcher == "builtins.fetchGit" || fetcher == "builtins.fetchTree", !flake) {
			continue
		}
		d := analysis.Diagnostic{Pos: call.Pos(), End: call.Args[0].End(),
			Message: fetcher + " without a hash or rev fetches whatever the server returns today: add sha256 (or rev for git)"}
		if flake {
			d.Message = fetcher + " without a hash or rev fails in pure (flake) evaluation: add sha256 (or rev for git), or make it a flake input"
			d = analyzer.WithSeverity(d, analyzer.SeverityError)
		}
		pass.Report(d)
	}
	return nil, nil
}

// pinned reports whether a fetcher argument pins its content: a set with
// a hash (or, with byRev, a rev), or (with revURL) a URL naming a full
// commit id. Arguments that are not literals are assumed pinned.
func pinned(arg ast.Expr, byRev, revURL bool) bool {
	arg = ast.Unparen(arg)
	if url, ok := nixmatch.StringParts(arg, "…"); ok {
		return revURL && commitID().MatchString(url)
	}
	set, ok := arg.(*ast.AttrSetExpr)
	if !ok {
		return true
	}
	for _, b := range set.Bindings {
		var keys []ast.AttrKey
		switch b := b.(type) {
		case *ast.AttrDef:
			keys = b.Path.Keys[:1]
			if name, _ := ast.KeyName(keys[0]); name == "url" && revURL {
				if url, ok := nixmatch.StringParts(b.Value, "…"); ok && commitID().MatchString(url) && !byRev {
					return true
				}
			}
		case *ast.Inherit:
			keys = b.Names
		}
		for _, k := range keys {
			name, _ := ast.KeyName(k)
			if name == "rev" && byRev {
				return true
			}
			for _, h := range hashAttrs {
				if name == h {
					return true
				}
			}
		}
	}
	return false
}
