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
var LockMissing = pack.WithDoc("lock-missing", analyzer.SeverityWarning, analyzer.FixNone, runLockMissing,
	nixmatch.RuleDoc("A flake has no usable flake.lock",
		"Flags a flake.nix with no flake.lock next to it (at the flake's `inputs`, or its "+
			"`outputs` when it declares no inputs), and a flake.lock that is not valid JSON or "+
			"not a lock file of version 5 to 7 (at the error in flake.lock). Flakes under a "+
			"`templates` directory are skipped (`nix flake init` copies them and locks the copy), and so "+
			"are flakes without inputs (no `inputs`, and `outputs = { self }: …`): there is nothing to lock.",
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
}`, ""))

func runLockMissing(pass *analysis.Pass) (any, error) {
	for _, l := range pass.ResultOf[locksAnalyzer].([]*lockFile) {
		switch {
		case l.Missing && (isTemplate(l.Flake.Name) || !l.Flake.HasInputs):
			// `nix flake init` copies templates and locks the copy; a
			// flake without inputs has nothing to lock.
		case l.Missing:
			pass.Report(analysis.Diagnostic{Pos: l.Flake.Pos, End: l.Flake.End,
				Message: "flake.nix has no flake.lock: run `nix flake lock` and commit it"})
		case l.Err != nil:
			pos, end := l.Pos, l.Pos
			if !pos.IsValid() {
				pos, end = l.Flake.Pos, l.Flake.End
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

// hasInputs reports whether a flake may have inputs: it declares
// `inputs`, or its `outputs` function names arguments besides `self`
// (registry inputs), or it is not written as a plain set, so that this
// cannot be told.
func hasInputs(f *nixpass.File) bool {
	set, ok := ast.Unparen(f.Expr).(*ast.AttrSetExpr)
	if !ok || nixmatch.HasAttr(set, "inputs") {
		return true
	}
	outputs := nixmatch.Attr(set, "outputs")
	if outputs == nil {
		return true
	}
	fn, ok := ast.Unparen(outputs.Value).(*ast.LambdaExpr)
	if !ok {
		return true
	}
	if fn.Formals == nil {
		return false // outputs = args: …; names no input
	}
	for _, formal := range fn.Formals.List {
		if formal.Name.Name != "self" {
			return true
		}
	}
	return false
}
