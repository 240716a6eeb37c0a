package security

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/internal/secret"
)

// HardcodedSecret flags keys and tokens written into Nix code.
var HardcodedSecret = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "hardcoded-secret",
		Doc: "API keys, tokens and private keys written into Nix code" + `

## What it does
Flags string literals holding a credential of a recognisable format (AWS
access keys ` + "`AKIA…`" + `, GitHub tokens ` + "`ghp_…`/`github_pat_…`" + `, Slack tokens
` + "`xox…`" + `, PEM private keys) anywhere, and high-entropy strings assigned to
attributes named like a secret (` + "`*password*`, `*token*`, `*secret*`, `apiKey`" + `).
Option documentation (` + "`example`, `defaultText`, `literalExpression`" + `) is
not flagged, nor are references: paths (` + "`/run/secrets/…`" + `), ` + "`config.sops.secrets.x.path`" + `,
` + "`*File`" + ` options, placeholders, short or low-entropy values, and documentation
examples. The value is masked in every output and never repeated.

## Why is this bad?
Everything in a Nix expression is copied to the world-readable Nix store
and lives on in the repository's history: every local user, every binary
cache and everyone with access to the repository can read the credential.

## Example
` + "```nix" + `
{
  services.myapp.settings.apiKey = "q8Zr2LmXv9TkW4bN7pCy";
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, ... }:
{
  services.myapp.settings.apiKeyFile = config.sops.secrets.myapp-api-key.path;
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixpass.Inspect, nixmatch.Analyzer},
		Run:      runHardcodedSecret,
	},
	Category:         category,
	Severity:         analyzer.SeverityError,
	Tags:             tags,
	SecuritySeverity: "9.0",
}

// documentation are functions whose arguments document options, and
// documentationAttrs the attributes of mkOption that do.
var (
	documentation      = newNameSet("lib.literalExpression", "lib.literalExample", "lib.literalMD", "lib.mdDoc")
	documentationAttrs = []string{"example", "defaultText", "description"}
)

// secretNodeTypes are the nodes runHardcodedSecret visits, by whether
// the file may hold a token and whether it has documentation calls.
var secretNodeTypes = [2][2][]ast.Node{
	{{(*ast.AttrDef)(nil)}, {(*ast.AttrDef)(nil), (*ast.CallExpr)(nil)}},
	{{(*ast.AttrDef)(nil), (*ast.StringExpr)(nil)}, {(*ast.AttrDef)(nil), (*ast.StringExpr)(nil), (*ast.CallExpr)(nil)}},
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

const fixHint = ": keep it out of the Nix store (sops-nix, agenix, or a *File option)"

func runHardcodedSecret(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	if f.Expr == nil {
		return nil, nil
	}
	var passwords map[ast.Expr]bool
	for _, d := range plaintextPasswords(pass) {
		if passwords == nil {
			passwords = map[ast.Expr]bool{}
		}
		passwords[d.Value] = true
	}
	// The applications of documentation functions: the innermost of
	// (f a) b, whose function is the name.
	var docs map[*ast.CallExpr]bool
	for _, c := range nixmatch.CallsOf(pass) {
		if _, ok := documentation.find(c.Name); ok {
			if docs == nil {
				docs = map[*ast.CallExpr]bool{}
			}
			docs[c.Innermost()] = true
		}
	}
	var reported map[*ast.StringExpr]bool // made for the first finding: most files have none
	// attrDef looks at a binding, reporting a high-entropy string bound to
	// a secret name; it returns false for option documentation, whose
	// examples are made up: nothing under it is looked at.
	attrDef := func(n *ast.AttrDef) bool {
		name, _ := ast.KeyName(n.Path.Keys[len(n.Path.Keys)-1])
		if slices.Contains(documentationAttrs, name) {
			return false
		}
		s, ok := ast.Unparen(n.Value).(*ast.StringExpr)
		if !ok || passwords[s] || !secret.IsSecretName(name) {
			return true // a plaintext password is plaintext-password's
		}
		if value, static := s.StaticValue(); static && secret.IsHighEntropy(value) {
			if _, known := secret.Find(value); !known {
				if reported == nil {
					reported = map[*ast.StringExpr]bool{}
				}
				reported[s] = true
				pass.Report(analysis.Diagnostic{Pos: s.Pos(), End: s.End(), Category: secretCategory,
					Message: "`" + name + "` holds a hardcoded secret (" + secret.Redact(value) + ")" + fixHint})
			}
		}
		return true
	}
	in := nixpass.InspectorOf(pass)
	mayHoldToken := secret.MayHoldToken(f.Src)
	if !mayHoldToken && docs == nil {
		// Bindings only, the most common case: their list is walked
		// directly, skipping those under documentation by position
		// rather than merging lists (bindings nest in source order).
		var skipTo token.Pos
		in.Preorder([]ast.Node{(*ast.AttrDef)(nil)}, func(n ast.Node) {
			if d := n.(*ast.AttrDef); d.Pos() >= skipTo && !attrDef(d) {
				skipTo = d.End()
			}
		})
		return nil, nil
	}
	// Strings need looking at for tokens only where the source may hold
	// one, calls only where some document options.
	types := secretNodeTypes[boolIndex(mayHoldToken)][boolIndex(docs != nil)]
	in.Nodes(types, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			return !docs[n]
		case *ast.AttrDef:
			return attrDef(n)
		case *ast.StringExpr:
			if reported[n] {
				return false
			}
			for _, p := range n.Parts {
				t, ok := p.(*ast.StringText)
				if !ok {
					continue
				}
				if m, ok := secret.Find(t.Value); ok {
					pos, end := tokenRange(n, t, t.Value[m.Start:m.End])
					pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: secretCategory,
						Message: "hardcoded " + m.Kind + " (" + m.Redacted + ")" + fixHint})
				}
			}
		}
		return true
	})
	return nil, nil
}

// tokenRange is the range of tok in the source of t, or of the whole
// string s when escapes or indentation make the source differ from the
// value.
func tokenRange(s *ast.StringExpr, t *ast.StringText, tok string) (token.Pos, token.Pos) {
	if i := strings.Index(t.Raw, tok); i >= 0 {
		return t.Pos() + token.Pos(i), t.Pos() + token.Pos(i+len(tok))
	}
	return s.Pos(), s.End()
}
