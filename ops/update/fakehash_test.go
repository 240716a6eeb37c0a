package update

import (
	"crypto/sha256"
	"testing"

	"github.com/nix-community/go-nix/pkg/nixbase32"
)

func TestHashFromMismatch(t *testing.T) {
	content := "hello 2.0\n"
	sum := sha256.Sum256([]byte(content))
	want := sri(content)
	for name, stderr := range map[string]string{
		// Nix 2.4 and later (Debian's 2.8 prints this).
		"sri": "error: hash mismatch in fixed-output derivation '/nix/store/x-src.drv':\n" +
			"         specified: " + fakeHash + "\n            got:    " + want + "\n",
		// Nix before 2.4.
		"base32": "hash mismatch in fixed-output derivation '/nix/store/x-src':\n" +
			"  wanted: sha256:0000000000000000000000000000000000000000000000000000\n" +
			"  got:    sha256:" + nixbase32.EncodeToString(sum[:]) + "\n",
	} {
		got, err := hashFromMismatch(stderr)
		if err != nil || got != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
	for stderr, wantErr := range map[string]string{
		"error: unable to download 'file:///x': file not found": "nix did not report a hash mismatch (no `got: …` line)",
		"got:    sha256-tooshort=":                              `nix reported the hash "sha256-tooshort=", which does not parse: unknown encoding for tooshort=`,
	} {
		if _, err := hashFromMismatch(stderr); err == nil || err.Error() != wantErr {
			t.Errorf("hashFromMismatch(%q) error = %v, want %q", stderr, err, wantErr)
		}
	}
}
