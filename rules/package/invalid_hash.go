package pkgrules

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// InvalidHash flags hash literals Nix cannot parse.
var InvalidHash = pack.WithDoc("invalid-hash", analyzer.SeverityError, analyzer.FixNone, runInvalidHash,
	nixmatch.RuleDoc("A hash literal Nix cannot parse",
		"Checks the hash attributes of fetchers and builders (`hash`, `sha256`, `sha512`, `sha1`, "+
			"`outputHash`, `vendorHash`, `cargoHash`, …) the way Nix parses them: the algorithm a "+
			"`sha256` attribute or an SRI prefix implies, a digest of the right length for it in "+
			"base16, Nix base32 or base64, and only characters of that alphabet (Nix base32 has "+
			"no `e`, `o`, `u` or `t`). `hash` and the `*Hash` attributes must name their algorithm. "+
			"Empty and all-zero placeholders are left to `fake-hash`.",
		"Evaluation stops with \"invalid SRI hash\" or \"hash has wrong length\" as soon as the "+
			"fetcher is needed: a truncated or mistyped hash is a broken build, found late.",
		`{ fetchurl }:
fetchurl {
  url = "https://example.org/a.tar.gz";
  sha256 = "0ssi1wpaf7plaswqqjwigppsg5fyh99vdlb9kzl7c9lng89ndq1";
}`,
		`{ fetchurl }:
fetchurl {
  url = "https://example.org/a.tar.gz";
  hash = "sha256-jZkUKv2SV28wsM18tCqNxoCZmLxdYH2Idh9RLibH2yA=";
}`, ""))

func runInvalidHash(pass *analysis.Pass) (any, error) {
	for _, h := range hashLiterals(pass) {
		if h.Value == "" {
			continue
		}
		if _, err := parseHash(h.Value, h.Algo, h.Name == "outputHash"); err != nil {
			pass.Report(analysis.Diagnostic{
				Pos: h.Lit.Pos(), End: h.Lit.End(),
				Message: "invalid hash in `" + h.Name + "`: " + err.Error(),
			})
		}
	}
	return nil, nil
}
