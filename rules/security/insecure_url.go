package security

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// InsecureURL flags downloads over unauthenticated transports.
var InsecureURL = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "insecure-url",
		Doc: "`http://` or `git://` fetch URLs" + `

## What it does
Flags ` + "`http://`" + `, ` + "`git://`" + ` and ` + "`git+http://`" + ` URLs passed to fetchers
(` + "`fetchurl`, `fetchzip`, `fetchgit`, `builtins.fetchTarball`, `builtins.fetchGit`" + `,
…), as a string argument or as ` + "`url`/`urls`" + `, and flake input URLs in
` + "`flake.nix`" + `. Local addresses (localhost, 127.0.0.1) are not flagged.

## Why is this bad?
Anyone on the network path can replace the download. A fixed-output hash
catches the swap for nixpkgs fetchers, but not for ` + "`builtins.fetchTarball`" + `
without one, flake inputs before locking, or when the hash is updated
from what was downloaded.

## Example
` + "```nix" + `
{ fetchurl }:
fetchurl {
  url = "http://example.org/foo-1.0.tar.gz";
  hash = "sha256-AAAA";
}
` + "```" + `

## Use instead
` + "```nix" + `
{ fetchurl }:
fetchurl {
  url = "https://example.org/foo-1.0.tar.gz";
  hash = "sha256-AAAA";
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runInsecureURL,
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "5.5",
}

var insecureSchemes = []string{"http://", "git://", "git+http://"}

var localHosts = []string{"localhost", "127.0.0.1", "[::1]"}

func runInsecureURL(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	check := func(e ast.Expr) {
		e = ast.Unparen(e)
		var url string
		switch v := e.(type) {
		case *ast.URIExpr:
			url = v.Value
		default:
			url, _ = nixmatch.StringParts(e, "…")
		}
		if scheme := insecureScheme(url); scheme != "" {
			pass.Report(analysis.Diagnostic{Pos: e.Pos(), End: e.End(),
				Message: "download over " + scheme + " is not authenticated: anyone on the network path can replace it; use https://"})
		}
	}
	for _, c := range nixmatch.CallsOf(pass) {
		// A fetcher is a function whose name starts with "fetch"
		// (fetchurl, fetchFromGitHub, builtins.fetchGit…); the name is the
		// function of the innermost application of (f a) b, whose own
		// arguments are the fetcher's.
		if !strings.HasPrefix(c.Name.Last(), "fetch") {
			continue
		}
		for _, a := range c.Innermost().Args {
			check(a)
			if set, ok := ast.Unparen(a).(*ast.AttrSetExpr); ok {
				urlAttrs(set, check)
			}
		}
	}
	if !nixpass.HasBase(f.Name, "flake.nix") {
		return nil, nil
	}
	nixpass.InspectorOf(pass).WithStack([]ast.Node{(*ast.AttrDef)(nil)}, func(n ast.Node, stack []ast.Node) {
		// Flake inputs: inputs.x.url = "…"; inputs = { x = { url = …; }; };
		d := n.(*ast.AttrDef)
		if names, ok := d.Path.PathNames(); ok && names[len(names)-1] == "url" && inInputs(names, stack) {
			check(d.Value)
		}
	})
	return nil, nil
}

// urlAttrs calls check for the url and urls values of a fetcher's set.
func urlAttrs(set *ast.AttrSetExpr, check func(ast.Expr)) {
	for _, b := range set.Bindings {
		d, ok := b.(*ast.AttrDef)
		if !ok || len(d.Path.Keys) != 1 {
			continue
		}
		switch name, _ := ast.KeyName(d.Path.Keys[0]); name {
		case "url":
			check(d.Value)
		case "urls":
			if l, ok := ast.Unparen(d.Value).(*ast.ListExpr); ok {
				for _, el := range l.Elems {
					check(el)
				}
			}
		}
	}
}

// inInputs reports whether the binding of names, inside the bindings of
// stack, lies in the inputs of flake.nix.
func inInputs(names []string, stack []ast.Node) bool {
	return names[0] == "inputs" || slices.ContainsFunc(stack, func(a ast.Node) bool {
		ad, ok := a.(*ast.AttrDef)
		if !ok {
			return false
		}
		first, _ := ast.KeyName(ad.Path.Keys[0])
		return first == "inputs"
	})
}

// insecureScheme returns the insecure scheme url uses, or "".
func insecureScheme(url string) string {
	for _, s := range insecureSchemes {
		rest, ok := strings.CutPrefix(url, s)
		if !ok {
			continue
		}
		for _, l := range localHosts {
			if rest == l || strings.HasPrefix(rest, l+"/") || strings.HasPrefix(rest, l+":") {
				return ""
			}
		}
		return strings.TrimSuffix(s, "://")
	}
	return ""
}
