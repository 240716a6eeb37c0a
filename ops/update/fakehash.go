package update

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/nix-community/go-nix/pkg/nixhash"
)

// fakeHash is the placeholder put in while the real hash is unknown (the
// same as nixpkgs' lib.fakeHash): Nix fails the fixed-output build and
// prints the hash it got.
const fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

// gotRE finds the hash in Nix's mismatch error: `got:    sha256-…=` in
// Nix 2.4 and later, `got:    sha256:<base32>` in older releases.
var gotRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`got:\s+([a-z0-9]+[-:][A-Za-z0-9+/=]+)`) })

// hashFromMismatch reads the hash Nix reported in a hash-mismatch error
// and returns it in SRI form, validated by go-nix.
func hashFromMismatch(stderr string) (string, error) {
	m := gotRE().FindStringSubmatch(stderr)
	if m == nil {
		return "", fmt.Errorf("nix did not report a hash mismatch (no `got: …` line)")
	}
	h, err := nixhash.ParseAny(m[1], nil)
	if err != nil {
		return "", fmt.Errorf("nix reported the hash %q, which does not parse: %v", m[1], err)
	}
	return h.Format(nixhash.SRI, true), nil
}
