package security

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// SecretReadAtEval flags secrets read into Nix values while evaluating.
var SecretReadAtEval = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "secret-read-at-eval",
		Doc: "`builtins.readFile` of a secret" + `

## What it does
Flags ` + "`builtins.readFile`" + ` (and ` + "`lib.fileContents`, `lib.importJSON`" + `) of paths
that hold secrets: under ` + "`/run/secrets`" + ` or ` + "`/run/agenix`" + `, ` + "`*.age`" + ` files, paths
mentioning ` + "`secret`" + `, ` + "`password`" + ` or ` + "`passwd`" + `, and the ` + "`.path`" + ` of a sops-nix or
agenix secret, also through let-bound names.

## Why is this bad?
Reading a file at evaluation copies its content into the derivations that
use it, and from there into the world-readable Nix store; pure evaluation
also fails for paths outside the flake. Secret managers decrypt at
activation precisely so that this does not happen.

## Example
` + "```nix" + `
{ config, ... }:
{
  services.myapp.settings.password = builtins.readFile config.sops.secrets.db.path;
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, ... }:
{
  services.myapp.settings.passwordFile = config.sops.secrets.db.path;
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect},
		Run:      runSecretReadAtEval,
	},
	Category:         category,
	Severity:         analyzer.SeverityError,
	Tags:             tags,
	SecuritySeverity: "8.0",
}

var evalReaders = newNameSet("builtins.readFile", "lib.fileContents", "lib.readFile", "lib.importJSON", "lib.strings.fileContents")

func runSecretReadAtEval(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	for _, c := range nixmatch.CallsOf(pass) {
		if _, ok := evalReaders.find(c.Name); !ok {
			continue
		}
		// The reader is the function of the innermost application of
		// (f a) b, whose own first argument is the reader's.
		call := c.Innermost()
		if what := secretPath(f.Info, call.Args[0], 0); what != "" {
			pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.Args[0].End(),
				Message: "reading " + what + " at evaluation copies the secret into the world-readable Nix store: pass the path to a *File option instead"})
		}
	}
	return nil, nil
}

// secretPath describes the secret e is a path to ("/run/secrets/db",
// "the sops secret db"), or returns "".
func secretPath(info *scope.Info, e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v := nixmatch.BoundValue(info, id); v != nil {
			return secretPath(info, v, depth+1)
		}
		return ""
	}
	if name, _ := nixmatch.QualifiedName(info, e); len(name) == 5 && name[0] == "config" &&
		(name[1] == "sops" || name[1] == "age") && name[2] == "secrets" && name[4] == "path" {
		return "the " + name[1] + " secret " + name[3]
	}
	text := pathText(info, e, depth)
	if text == "" {
		return ""
	}
	lower := strings.ToLower(text)
	switch {
	case strings.HasSuffix(lower, ".pub"):
		return ""
	case strings.Contains(lower, "/run/secrets"), strings.Contains(lower, "/run/agenix"),
		strings.HasSuffix(lower, ".age"), strings.Contains(lower, "secret"),
		strings.Contains(lower, "password"), strings.Contains(lower, "passwd"):
		return text
	}
	return ""
}

// pathText returns the literal text of a path or string, of their
// concatenation with +, and of let-bound names, with "…" for unknown
// parts; "" when e is none of these.
func pathText(info *scope.Info, e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	e = ast.Unparen(e)
	if s, ok := nixmatch.StringParts(e, "…"); ok {
		return s
	}
	switch v := e.(type) {
	case *ast.BinaryExpr:
		if v.Op == ast.OpAdd {
			x, y := pathText(info, v.X, depth+1), pathText(info, v.Y, depth+1)
			if x == "" && y == "" {
				return ""
			}
			return orEllipsis(x) + orEllipsis(y)
		}
	case *ast.Ident:
		if val := nixmatch.BoundValue(info, v); val != nil {
			return pathText(info, val, depth+1)
		}
	}
	return ""
}

func orEllipsis(s string) string {
	if s == "" {
		return "…"
	}
	return s
}
