package security

import (
	"fmt"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// WorldReadableSecret flags decrypted secrets other users can read.
var WorldReadableSecret = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "world-readable-secret",
		Doc: "agenix/sops secret readable by other users" + `

## What it does
Flags the ` + "`mode`" + ` of agenix (` + "`age.secrets.<name>`" + `) and sops-nix
(` + "`sops.secrets.<name>`, `sops.templates.<name>`" + `) secrets when it gives
permissions to all users (` + "`\"0444\"`, `\"0644\"`" + `), or to a broad group
(` + "`users`, `wheel`" + `) named by the secret's ` + "`group`" + `. Group bits for a
service's own group (` + "`mode = \"0440\"; group = \"nginx\";`" + `) are the intended way
to share a secret and are not flagged: the group names exactly who may read
it (the agenix and sops-nix manuals use this for services that run as their
own user), and without a ` + "`group`" + ` the secret's group is root's. A group most
users belong to turns group bits into "every user" again.

## Why is this bad?
The secret manager keeps the secret out of the Nix store so that only its
owner can read it; a permissive mode hands it to every local user and
process again.

## Example
` + "```nix" + `
{
  age.secrets.db-password = { file = ./db-password.age; mode = "0444"; };
}
` + "```" + `

## Use instead
` + "```nix" + `
{
  age.secrets.db-password = { file = ./db-password.age; mode = "0400"; owner = "postgres"; };
}
` + "```",
		Requires: []*analysis.Analyzer{nixpass.Analyzer, nixmatch.Analyzer},
		Run:      runWorldReadableSecret,
	},
	Category:         category,
	Severity:         analyzer.SeverityWarning,
	Tags:             tags,
	SecuritySeverity: "7.5",
}

var secretSets = []string{"age.secrets.*", "sops.secrets.*", "sops.templates.*"}

// broadGroups are groups most users of a machine belong to.
var broadGroups = []string{"users", "wheel"}

func runWorldReadableSecret(pass *analysis.Pass) (any, error) {
	index := nixmatch.Of(pass)
	for _, set := range secretSets {
		for _, secretDefs := range nixmatch.Group(index.Under(set), 3) {
			group := ""
			for _, d := range nixmatch.Find(secretDefs, set+".group") {
				group, _ = nixmatch.String(d.Value)
			}
			for _, d := range nixmatch.Find(secretDefs, set+".mode") {
				text, ok := nixmatch.String(d.Value)
				if !ok {
					continue
				}
				mode, err := strconv.ParseUint(text, 8, 32)
				if err != nil {
					continue
				}
				var who string
				switch {
				case mode&0o007 != 0:
					who = "every user"
				case mode&0o070 != 0 && slices.Contains(broadGroups, group):
					who = "the " + group + " group"
				default:
					continue
				}
				pass.Report(analysis.Diagnostic{Pos: d.Value.Pos(), End: d.Value.End(),
					Message: fmt.Sprintf("secret %s is readable by %s (mode %s): use 0400 and set owner to the service's user", d.Path[2], who, text)})
			}
		}
	}
	return nil, nil
}
