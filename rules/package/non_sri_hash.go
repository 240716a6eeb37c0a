package pkgrules

import (
	"strconv"

	"github.com/nix-community/go-nix/pkg/nixhash"
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// NonSRIHash flags hashes written in the legacy base16/base32 forms.
var NonSRIHash = pack.WithDoc("non-sri-hash", analyzer.SeverityWarning, analyzer.FixSafe, runNonSRIHash,
	nixmatch.RuleDoc("A hash is written in a legacy form instead of SRI",
		"Flags `sha256 = \"<base32 or base16>\";` (and `sha512`, `sha1`) in fetcher and builder "+
			"arguments, and hash values written `\"sha256:<digest>\"`, where nixpkgs expects "+
			"`hash = \"sha256-<base64>\";`.",
		"nixpkgs has moved to SRI hashes (`hash`), the form `nix hash` and hash-mismatch errors "+
			"print: legacy hashes must be converted by hand for every comparison, and the "+
			"`sha256` arguments are being deprecated in fetchers and builders.",
		`{ fetchFromGitHub }:
fetchFromGitHub {
  owner = "NixOS";
  repo = "nix";
  rev = "2.24.10";
  sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic";
}`,
		`{ fetchFromGitHub }:
fetchFromGitHub {
  owner = "NixOS";
  repo = "nix";
  rev = "2.24.10";
  hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
}`,
		"The fix writes the SRI form of the same digest (converted with go-nix's nixhash), so "+
			"the fixed output hash is identical. Renaming `sha256` to `hash` is safe for the "+
			"nixpkgs fetchers that accept `hash` (`fetchurl`, `fetchzip`, `fetchgit`, "+
			"`fetchFromGitHub`, `fetchFromGitLab`, `fetchpatch`, `fetchPypi`, `fetchCrate`, …); for "+
			"any other function the fix is marked unsafe, since the function may not take `hash`. "+
			"Values that already sit in a `hash`-like attribute only change form, which is safe."))

// hashFetchers are the nixpkgs functions that accept `hash` wherever they
// accept `sha256`, by last name (builtins' fetchers are not among them).
var hashFetchers = map[string]bool{
	"fetchurl": true, "fetchzip": true, "fetchgit": true, "fetchFromGitHub": true,
	"fetchFromGitLab": true, "fetchFromGitea": true, "fetchFromForgejo": true, "fetchFromCodeberg": true,
	"fetchFromSourcehut": true, "fetchFromBitbucket": true, "fetchFromSavannah": true,
	"fetchFromRepoOrCz": true, "fetchpatch": true, "fetchpatch2": true, "fetchPypi": true,
	"fetchCrate": true, "fetchsvn": true, "fetchhg": true, "fetchYarnDeps": true, "fetchDebianPatch": true,
}

// renamedHashAttrs are the attributes whose value the fix moves to `hash`.
var renamedHashAttrs = map[string]bool{"sha1": true, "sha256": true, "sha512": true}

func runNonSRIHash(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, h := range hashLiterals(pass) {
		if h.Value == "" || isBuiltin(f, h) {
			continue
		}
		parsed, err := parseHash(h.Value, h.Algo, h.Name == "outputHash")
		if err != nil || parsed.SRI || isFake(h.Value, parsed) {
			continue
		}
		sri := strconv.Quote(parsed.Hash.Format(nixhash.SRI, true))
		valueEdit := analysis.TextEdit{Pos: h.Lit.Pos(), End: h.Lit.End(), NewText: []byte(sri)}
		d := analysis.Diagnostic{Pos: h.Lit.Pos(), End: h.Lit.End()}
		switch {
		case !renamedHashAttrs[h.Name]:
			d.Message = "hash in `" + h.Name + "` is not in SRI form: write " + sri
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "write the SRI form", TextEdits: []analysis.TextEdit{valueEdit}}}
		case nixmatch.HasAttr(h.Set, "hash"):
			d.Message = "`" + h.Name + "` is a legacy hash attribute next to `hash`: remove one of them"
		default:
			d.Message = "`" + h.Name + "` is a legacy hash attribute: write `hash = " + sri + "`"
			key := h.Def.Path.Keys[0]
			fix := analysis.SuggestedFix{Message: "replace with `hash` in SRI form", TextEdits: []analysis.TextEdit{
				{Pos: key.Pos(), End: key.End(), NewText: []byte("hash")}, valueEdit}}
			if !hashFetchers[lastName(f, h.Fun)] {
				fix = analyzer.Unsafe(fix)
			}
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		pass.Report(d)
	}
	return nil, nil
}

// isBuiltin reports whether the hash is an argument of one of builtins'
// fetchers (builtins.fetchTarball takes only `sha256`).
func isBuiltin(f *nixpass.File, h hashLiteral) bool {
	name, free := nixmatch.QualifiedName(f.Info, h.Fun)
	return len(name) > 0 && (name[0] == "builtins" || (len(name) == 1 && free && builtinFetchers[name[0]]))
}

// builtinFetchers are the fetchers Nix binds as global names.
var builtinFetchers = map[string]bool{"fetchTarball": true, "fetchGit": true, "fetchMercurial": true, "fetchTree": true}
