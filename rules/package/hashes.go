package pkgrules

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/nix-community/go-nix/pkg/nixbase32"
	"github.com/nix-community/go-nix/pkg/nixhash"
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// hashAttrs maps the attributes of fetchers and builders that hold a hash
// to the algorithm their value must use; anyAlgo means the value names
// its algorithm (SRI "sha256-…" or "sha256:…").
var hashAttrs = map[string]nixhash.Algorithm{
	"hash":         anyAlgo,
	"outputHash":   anyAlgo,
	"vendorHash":   anyAlgo,
	"cargoHash":    anyAlgo,
	"npmDepsHash":  anyAlgo,
	"sha1":         nixhash.SHA1,
	"sha256":       nixhash.SHA256,
	"sha512":       nixhash.SHA512,
	"vendorSha256": nixhash.SHA256,
	"cargoSha256":  nixhash.SHA256,
}

const anyAlgo nixhash.Algorithm = 0

// isHashAttr reports whether an attribute name holds a hash.
func isHashAttr(name string) bool {
	_, ok := hashAttrs[name]
	return ok
}

// algorithms are the hash algorithms Nix knows, strongest first.
var algorithms = []nixhash.Algorithm{nixhash.SHA512, nixhash.SHA256, nixhash.SHA1, nixhash.MD5}

// hashLiteral is a string literal bound to a hash attribute of a call's
// argument set.
type hashLiteral struct {
	argBinding
	Lit   *ast.StringExpr
	Value string
	// Algo is the algorithm the attribute requires (anyAlgo when the
	// value must name it; for outputHash, outputHashAlgo's when given).
	Algo nixhash.Algorithm
}

// hashBindings returns the hash attributes of the file's fetcher and
// builder arguments (argBindings for isHashAttr).
func hashBindings(pass *analysis.Pass) []argBinding { return slices.Clip(factsOf(pass).hashBindings) }

// hashLiterals returns the static hash strings of the file's call
// arguments.
func hashLiterals(pass *analysis.Pass) []hashLiteral { return slices.Clip(factsOf(pass).hashLiterals) }

// findHashLiterals appends to out the static hash strings among the
// hash bindings, and returns the extended out.
func findHashLiterals(bindings []argBinding, out []hashLiteral) []hashLiteral {
	for _, b := range bindings {
		lit, ok := ast.Unparen(b.Def.Value).(*ast.StringExpr)
		if !ok {
			continue
		}
		v, ok := lit.StaticValue()
		if !ok {
			continue
		}
		h := hashLiteral{argBinding: b, Lit: lit, Value: v, Algo: hashAttrs[b.Name]}
		if b.Name == "outputHash" {
			h.Algo = outputHashAlgo(b.Set)
		}
		out = append(out, h)
	}
	return out
}

// outputHashAlgo returns the algorithm a derivation's outputHashAlgo
// names, or anyAlgo.
func outputHashAlgo(set *ast.AttrSetExpr) nixhash.Algorithm {
	d := nixmatch.Attr(set, "outputHashAlgo")
	if d == nil {
		return anyAlgo
	}
	s, ok := nixmatch.String(d.Value)
	if !ok {
		return anyAlgo
	}
	a, err := nixhash.ParseAlgorithm(s)
	if err != nil {
		return anyAlgo
	}
	return a
}

// parsedHash is a hash value read as Nix reads it.
type parsedHash struct {
	Hash *nixhash.Hash
	// SRI reports whether the value is in SRI form ("sha256-<base64>").
	SRI bool
}

// parseHash parses the value of a hash attribute requiring algo. A value
// without an algorithm name is parsed with algo; for anyAlgo it is an
// error unless bare is set (outputHash without outputHashAlgo, whose
// algorithm this file does not show), in which case the length decides.
func parseHash(value string, algo nixhash.Algorithm, bare bool) (parsedHash, error) {
	named := strings.ContainsAny(value, ":-")
	if algo == anyAlgo && !named {
		if !bare {
			return parsedHash{}, fmt.Errorf("it names no algorithm: write it in SRI form (\"sha256-…\")")
		}
		var firstErr error
		for _, a := range algorithms {
			h, err := parseHash(value, a, false)
			if err == nil {
				return h, nil
			}
			if firstErr == nil {
				firstErr = err
			}
		}
		return parsedHash{}, firstErr
	}
	var want *nixhash.Algorithm
	if algo != anyAlgo {
		want = &algo
	}
	h, err := nixhash.ParseAny(value, want)
	if err != nil {
		return parsedHash{}, describeHashError(value, algo, err)
	}
	return parsedHash{Hash: &h.Hash, SRI: !strings.Contains(value, ":") && named}, nil
}

// describeHashError words a go-nix parse error for a message.
func describeHashError(value string, algo nixhash.Algorithm, err error) error {
	digest := value
	if i := strings.IndexAny(value, ":-"); i > 0 {
		a, aerr := nixhash.ParseAlgorithm(value[:i])
		if aerr != nil {
			return fmt.Errorf("unknown hash algorithm %q", value[:i])
		}
		if algo != anyAlgo && a != algo {
			return fmt.Errorf("it is a %s hash where %s is expected", a, algo)
		}
		algo, digest = a, value[i+1:]
	}
	if algo == anyAlgo {
		return err
	}
	size := algo.Func().Size()
	b64 := base64.StdEncoding.EncodedLen(size)
	lengths := fmt.Sprintf("%d (base16), %d (Nix base32) or %d (base64)", hex.EncodedLen(size), nixbase32.EncodedLen(size), b64)
	switch {
	case strings.HasPrefix(err.Error(), "unknown encoding"):
		return fmt.Errorf("a %s hash has %s characters, not %d", algo, lengths, len(digest))
	case strings.Contains(value, "-") && !strings.Contains(value, ":"):
		return fmt.Errorf("an SRI hash must be base64 (%d characters for %s)", b64, algo)
	}
	return fmt.Errorf("%s hash: %v", algo, err)
}

// isFake reports whether the value is a placeholder: empty, or a digest of
// zeros (lib.fakeHash, lib.fakeSha256, lib.fakeSha512 and the "AAAA…"
// and "0000…" strings people type).
func isFake(value string, h parsedHash) bool {
	if value == "" {
		return true
	}
	return h.Hash != nil && len(bytes.Trim(h.Hash.Digest(), "\x00")) == 0
}
