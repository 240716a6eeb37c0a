package module

import (
	"regexp"
	"strings"
	"testing"
)

// TestDeprecationTable checks the embedded table: enough entries, a
// release for each, and no option listed twice.
func TestDeprecationTable(t *testing.T) {
	if len(deprecations) < 30 {
		t.Errorf("%d deprecated options, want at least 30", len(deprecations))
	}
	release := regexp.MustCompile(`^\d\d\.(05|11)$`)
	seen := map[string]bool{}
	for _, d := range deprecations {
		old := strings.Join(d.Old, ".")
		if seen[old] {
			t.Errorf("%s listed twice", old)
		}
		seen[old] = true
		if !release.MatchString(d.Release) {
			t.Errorf("%s: release %q is not a NixOS release", old, d.Release)
		}
	}
	for i := 1; i < len(deprecations); i++ {
		if len(deprecations[i].Old) > len(deprecations[i-1].Old) {
			t.Errorf("table not sorted longest path first at %s", strings.Join(deprecations[i].Old, "."))
		}
	}
}

func TestDeprecationCheck(t *testing.T) {
	for _, c := range []struct {
		d    deprecation
		want string
	}{
		{deprecation{Old: []string{"a"}, Kind: "renamed", Release: "24.11"}, "renamed without a new option"},
		{deprecation{Old: []string{"a"}, Kind: "moved", Release: "24.11"}, `unknown kind "moved"`},
		{deprecation{Old: []string{"a"}, Kind: "removed"}, "no release"},
		{deprecation{Old: []string{"a", "b"}, New: []string{"*", "b"}, Kind: "renamed", Release: "24.11"}, "wildcard 0 of the new path has no counterpart"},
	} {
		if err := c.d.check(); err == nil || err.Error() != c.want {
			t.Errorf("check(%v) = %v, want %s", c.d, err, c.want)
		}
	}
}
