package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// FakeHash flags placeholder hashes left in fetchers and builders.
var FakeHash = &analyzer.Rule{
	Analyzer: &analysis.Analyzer{
		Name: "fake-hash",
		Doc: nixmatch.RuleDoc("A placeholder hash is left in",
			"Flags `lib.fakeHash`, `lib.fakeSha256` and `lib.fakeSha512` (in any spelling), and "+
				"hash attributes of fetchers and builders (`hash`, `sha256`, `vendorHash`, `cargoHash`, "+
				"`outputHash`, …) set to an empty string or to a digest of zeros "+
				"(`\"sha256-AAAA…=\"`, `\"0000…\"`).",
			"A placeholder is how one asks Nix for the real hash: the build fails with a hash "+
				"mismatch every time until the real hash replaces it, so a placeholder that is "+
				"committed means a package that cannot build.",
			`fetchFromGitHub {
  owner = "NixOS";
  repo = "nix";
  rev = "2.24.10";
  hash = lib.fakeHash;
}`,
			`fetchFromGitHub {
  owner = "NixOS";
  repo = "nix";
  rev = "2.24.10";
  hash = "sha256-XG9OSiNjbOXTmFLAGsWvxOcyZrR80CY/qfahPQjoyw8=";
}`, ""),
		Requires: []*analysis.Analyzer{nixpass.Analyzer},
		Run:      runFakeHash,
	},
	Category: category,
	Severity: analyzer.SeverityError,
}

var fakeHashFuncs = []string{"lib.fakeHash", "lib.fakeSha256", "lib.fakeSha512"}

func runFakeHash(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, h := range hashLiterals(f) {
		parsed, _ := parseHash(h.Value, h.Algo, true)
		if isFake(h.Value, parsed) {
			pass.Report(analysis.Diagnostic{
				Pos: h.Lit.Pos(), End: h.Lit.End(),
				Message: "placeholder hash in `" + h.Name + "`: build once and put the hash Nix reports here",
			})
		}
	}
	if f.Expr == nil {
		return nil, nil
	}
	ast.Inspect(f.Expr, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		switch e.(type) {
		case *ast.Ident, *ast.SelectExpr:
		default:
			return true
		}
		if !nixmatch.RefersAny(f.Info, e, fakeHashFuncs...) || isAlias(f, e) {
			return true
		}
		pass.Report(analysis.Diagnostic{
			Pos: e.Pos(), End: e.End(),
			Message: "`" + f.Text(e) + "` is a placeholder: build once and put the hash Nix reports here",
		})
		return false
	})
	return nil, nil
}

// isAlias reports whether e is a name a let or rec binding gives the
// placeholder (`h = lib.fakeHash;`): the binding's value is reported.
func isAlias(f *nixpass.File, e ast.Expr) bool {
	return nixmatch.BoundValue(f.Info, e) != nil
}
