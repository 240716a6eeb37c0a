package flake

import (
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// LockMissing flags flakes without a usable flake.lock.
var LockMissing = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "lock-missing",
		Doc: nixmatch.RuleDoc("A flake has no usable flake.lock",
			"Flags a flake.nix with no flake.lock next to it (at the flake's `inputs`, or its "+
				"`outputs` when it declares no inputs), and a flake.lock that is not valid JSON or "+
				"not a lock file of version 5 to 7 (at the error in flake.lock). Flakes under a "+
				"`templates` directory are skipped: they are copied by `nix flake init`, which locks the copy.",
			"Without a lock every evaluation resolves the inputs anew (branches, the registry's "+
				"nixpkgs): two machines, or two days, build different systems, and `nix flake check` "+
				"in CI writes a lock nobody reviewed. A broken lock fails every command.",
			`# flake.nix, committed alone
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { nixpkgs, ... }: { };
}`,
			`# flake.nix, committed with the flake.lock that
# `+"`nix flake lock`"+` writes next to it
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { nixpkgs, ... }: { };
}`, ""),
		Requires: requires,
		Run:      runLockMissing,
	},
	Category: category,
	Severity: analyzer.SeverityWarning,
}

func runLockMissing(pass *analysis.Pass) (any, error) {
	for _, l := range pass.ResultOf[locksAnalyzer].([]*lockFile) {
		switch {
		case l.Missing && isTemplate(l.Flake.Name):
			// `nix flake init` copies templates; their lock is made there.
		case l.Missing:
			pos, end := flakeAnchor(l.Flake)
			pass.Report(analysis.Diagnostic{Pos: pos, End: end,
				Message: "flake.nix has no flake.lock: run `nix flake lock` and commit it"})
		case l.Err != nil:
			pos, end := l.Pos, l.Pos
			if !pos.IsValid() {
				pos, end = flakeAnchor(l.Flake)
			}
			pass.Report(analysis.Diagnostic{Pos: pos, End: end,
				Message: "flake.lock cannot be read: " + l.Err.Error()})
		}
	}
	return nil, nil
}

// flakeAnchor returns the range to report a flake-wide finding at: the
// key of the flake's inputs, else of its outputs, else the start of the
// file's expression.
func flakeAnchor(f *nixpass.File) (token.Pos, token.Pos) {
	if f.Expr == nil {
		return f.Pos(), f.Pos()
	}
	if set, ok := ast.Unparen(f.Expr).(*ast.AttrSetExpr); ok {
		for _, name := range []string{"inputs", "outputs"} {
			for _, b := range set.Bindings {
				if d, ok := b.(*ast.AttrDef); ok {
					if n, _ := ast.KeyName(d.Path.Keys[0]); n == name {
						return d.Path.Keys[0].Pos(), d.Path.Keys[0].End()
					}
				}
			}
		}
	}
	return f.Expr.Pos(), f.Expr.Pos()
}

// isTemplate reports whether a flake lies in a templates directory, as
// the flake templates a repository offers to `nix flake init` do.
func isTemplate(path string) bool {
	for _, dir := range strings.Split(filepath.ToSlash(filepath.Dir(path)), "/") {
		if dir == "templates" || dir == "template" {
			return true
		}
	}
	return false
}
