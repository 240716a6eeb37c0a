package nixpass

import (
	"path/filepath"
	"testing"
)

func TestHasBase(t *testing.T) {
	for _, name := range []string{"flake.nix", "./flake.nix", "a/flake.nix", "/abs/dir/flake.nix", "a/myflake.nix",
		"flake.nix.bak", "a/flake.nix/b.nix", "configuration.nix", "hosts/x/configuration.nix", "xconfiguration.nix", ""} {
		for _, base := range []string{"flake.nix", "configuration.nix"} {
			if got, want := HasBase(name, base), filepath.Base(name) == base; got != want {
				t.Errorf("HasBase(%q, %q) = %v, want %v", name, base, got, want)
			}
		}
	}
}
