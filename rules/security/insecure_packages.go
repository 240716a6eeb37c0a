package security

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/edit"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// InsecurePackages flags nixpkgs settings that let known-vulnerable
// packages build.
var InsecurePackages = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "insecure-packages",
		Doc: "`permittedInsecurePackages`, `allowInsecurePredicate` or `allowInsecure`" + `

## What it does
Flags the nixpkgs configuration attributes that allow packages marked
insecure: a non-empty ` + "`permittedInsecurePackages`" + `, any
` + "`allowInsecurePredicate`" + `, and ` + "`allowInsecure = true`" + `, wherever the
configuration is written (` + "`nixpkgs.config`" + `, ` + "`import nixpkgs { config = …; }`" + `,
` + "`config.nix`" + `).

## Why is this bad?
nixpkgs marks a package insecure when it has known, unfixed
vulnerabilities. Permitting it is sometimes necessary, but each entry is a
known hole that should be tracked and removed.

## Example
` + "```nix" + `
{
  nixpkgs.config.permittedInsecurePackages = [ "openssl-1.1.1w" ];
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  # Upgrade or replace the package that needs openssl 1.1.
  nixpkgs.config.permittedInsecurePackages = [ ];
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runInsecurePackages,
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "6.0",
}

// insecureNames spells what the names the rule looks at share
// (permittedInsecurePackages, allowInsecurePredicate, allowInsecure).
var insecureNames = edit.NewSpelling("Insecure")

func runInsecurePackages(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil || !insecureNames.MayHold(f.Src) {
		return nil, nil // most files: no binding can have one of the names
	}
	nixpass.InspectorOf(pass).Preorder([]ast.Node{(*ast.AttrDef)(nil)}, func(n ast.Node) {
		d, ok := n.(*ast.AttrDef)
		if !ok {
			return
		}
		key := d.Path.Keys[len(d.Path.Keys)-1]
		name, _ := ast.KeyName(key)
		// The value, for the names that look at it.
		value := func() ast.Expr {
			v, _ := nixmatch.Unwrap(f.Info, d.Value)
			return v
		}
		var msg string
		switch name {
		case "permittedInsecurePackages":
			value := value()
			if l, ok := value.(*ast.ListExpr); ok && len(l.Elems) == 0 {
				return
			}
			msg = "permits insecure packages"
			if names, _ := nixmatch.Strings(value); len(names) > 0 {
				msg += " (" + strings.Join(names, ", ") + ")"
			}
		case "allowInsecurePredicate":
			msg = "permits every insecure package the predicate accepts"
		case "allowInsecure":
			if !nixmatch.IsBool(f.Info, value(), true) {
				return
			}
			msg = "permits every insecure package"
		default:
			return
		}
		pass.Report(analysis.Diagnostic{Pos: key.Pos(), End: key.End(),
			Message: name + " " + msg + ": these have known vulnerabilities; track and remove each exception"})
	})
	return nil, nil
}
