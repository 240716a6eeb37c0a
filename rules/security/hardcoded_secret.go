package security

import (
	"go/token"
	"slices"
	"strings"
	"sync"

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

// documentation are functions whose arguments document options.
var documentation = newNameSet("lib.literalExpression", "lib.literalExample", "lib.literalMD", "lib.mdDoc")

// isDocumentationAttr reports whether name is an attribute of mkOption
// that documents the option. A switch compares the lengths before the
// bytes: the rule asks it of every binding.
func isDocumentationAttr(name string) bool {
	switch name {
	case "example", "defaultText", "description":
		return true
	}
	return false
}

// A span is the range of a subtree whose strings are not looked at.
type span struct{ pos, end token.Pos }

// A spanScratch is the memory of the spans a run of the rule skips,
// reused from file to file (spans hold no part of a tree).
type spanScratch struct{ docCalls, documented []span }

var spanScratches = sync.Pool{New: func() any { return new(spanScratch) }}

// covered reports whether pos lies in one of spans, which are sorted and
// disjoint, for positions asked in ascending order: *next is the first
// span that may still hold a later position.
func covered(spans []span, next *int, pos token.Pos) bool {
	for *next < len(spans) && spans[*next].end <= pos {
		*next++
	}
	return *next < len(spans) && spans[*next].pos <= pos
}

// union returns the sorted spans with those that overlap merged.
func union(spans []span) []span {
	slices.SortFunc(spans, func(a, b span) int { return int(a.pos - b.pos) })
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.pos < out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
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
	sc := spanScratches.Get().(*spanScratch)
	defer spanScratches.Put(sc)
	// The applications of documentation functions (the innermost of
	// (f a) b, whose function is the name): nothing in them is looked at.
	docCalls := sc.docCalls[:0]
	for _, c := range nixmatch.CallsOf(pass) {
		if _, ok := documentation.find(c.Name); ok {
			docCalls = append(docCalls, span{c.Innermost().Pos(), c.Innermost().End()})
		}
	}
	docCalls = union(docCalls)
	sc.docCalls = docCalls
	var reported map[*ast.StringExpr]bool // made for the first finding: most files have none
	// Bindings, then strings, are visited type by type from their own
	// lists (not a merge of both), skipping documentation by position:
	// nodes of one type come in source order, and a subtree is a span.
	in := nixpass.InspectorOf(pass)
	documented := sc.documented[:0] // documentation bindings outside documentation calls
	nextCall := 0
	in.Preorder([]ast.Node{(*ast.AttrDef)(nil)}, func(n ast.Node) {
		d := n.(*ast.AttrDef)
		pos := d.Pos()
		if len(documented) > 0 && pos < documented[len(documented)-1].end || covered(docCalls, &nextCall, pos) {
			return
		}
		key := d.Path.Keys[len(d.Path.Keys)-1]
		var name string
		if n, ok := key.(*ast.Name); ok { // most keys: no call of KeyName's type switch
			name = n.Name
		} else {
			name, _ = ast.KeyName(key)
		}
		if isDocumentationAttr(name) {
			documented = append(documented, span{pos, d.End()}) // option documentation: examples are made up
			return
		}
		s, ok := ast.Unparen(d.Value).(*ast.StringExpr)
		if !ok || passwords != nil && passwords[s] || !secret.IsSecretName(name) {
			return // a plaintext password is plaintext-password's
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
	})
	sc.documented = documented
	// Strings need looking at for tokens only where the source may hold
	// one.
	if !secret.MayHoldToken(f.Src) {
		return nil, nil
	}
	nextCall, nextDoc := 0, 0
	in.Preorder([]ast.Node{(*ast.StringExpr)(nil)}, func(n ast.Node) {
		s := n.(*ast.StringExpr)
		if pos := s.Pos(); reported[s] || covered(docCalls, &nextCall, pos) || covered(documented, &nextDoc, pos) {
			return
		}
		for _, p := range s.Parts {
			t, ok := p.(*ast.StringText)
			if !ok {
				continue
			}
			if m, ok := secret.Find(t.Value); ok {
				pos, end := tokenRange(s, t, t.Value[m.Start:m.End])
				pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: secretCategory,
					Message: "hardcoded " + m.Kind + " (" + m.Redacted + ")" + fixHint})
			}
		}
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
