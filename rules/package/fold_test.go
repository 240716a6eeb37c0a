package pkgrules

import "testing"

// TestContainsFold checks the ASCII fast path of containsFold against
// strings.EqualFold at every offset.
func TestContainsFold(t *testing.T) {
	for _, s := range []string{"fetchurl", "fetchFromGitHub", "FETCH", "myFetcher", "fetc", "", "feTCh", "mkDerivation",
		"überFetch", "fétch", "xfetch", "fe tch", "F\u212Aetch", "fetch\u212A"} {
		if got, want := containsFold(s, "fetch"), containsFoldUnicode(s, "fetch"); got != want {
			t.Errorf("containsFold(%q, fetch) = %v, want %v", s, got, want)
		}
	}
}
