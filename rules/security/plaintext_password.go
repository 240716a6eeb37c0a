package security

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
	"github.com/nixaudit/nixaudit/rules/internal/secret"
)

// PlaintextPassword flags user passwords written in the configuration.
var PlaintextPassword = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "plaintext-password",
		Doc: "`users.users.<name>.password` or `initialPassword` set to a literal" + `

## What it does
Flags ` + "`users.users.<name>.password`" + ` and ` + "`initialPassword`" + ` (also under the
old ` + "`users.extraUsers`" + `) set to a string literal. The password is masked in
every output.

## Why is this bad?
The password ends up in the world-readable Nix store and in the
repository's history, readable by every local user and everyone with access
to the repository.

## Example
` + "```nix" + `
{
  users.users.alice.password = "hunter2";
}
` + "```" + `

## Use instead
` + "```nix" + `
{ config, ... }:
{
  users.users.alice.hashedPasswordFile = config.sops.secrets.alice-password.path;
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, d := range plaintextPasswords(pass) {
				s := d.Value.(*ast.StringExpr)
				text, _ := nixmatch.StringParts(s, "")
				pass.Report(analysis.Diagnostic{Pos: s.Pos(), End: s.End(), Category: secretCategory,
					Message: strings.Join(d.Path, ".") + " is a plaintext password (" + secret.Redact(text) +
						") in the world-readable Nix store: use hashedPasswordFile with a secret manager"})
			}
			return nil, nil
		},
	},
	Category:         category,
	Severity:         analyzer.SeverityError,
	Tags:             tags,
	SecuritySeverity: "8.5",
}

var passwordOptions = []string{
	"users.users.*.password", "users.users.*.initialPassword",
	"users.extraUsers.*.password", "users.extraUsers.*.initialPassword",
}

// passwordsKey is the nixpass.File.Memo key of a file's plaintext
// passwords.
var passwordsKey = nixpass.NewMemoKey()

// plaintextPasswords returns the user password options the file under
// analysis in pass sets to string literals (hardcoded-secret leaves them
// to plaintext-password), found once per file for both rules.
func plaintextPasswords(pass *analysis.Pass) []nixmatch.OptionDef {
	return nixpass.Of(pass).Memo(passwordsKey, func() any { return findPlaintextPasswords(nixmatch.Of(pass)) }).([]nixmatch.OptionDef)
}

// findPlaintextPasswords returns the user password options of index set
// to string literals.
func findPlaintextPasswords(index *nixmatch.Index) []nixmatch.OptionDef {
	var out []nixmatch.OptionDef
	for _, p := range passwordOptions {
		for _, d := range index.Find(p) {
			if _, ok := d.Value.(*ast.StringExpr); ok {
				out = append(out, d)
			}
		}
	}
	return out
}
