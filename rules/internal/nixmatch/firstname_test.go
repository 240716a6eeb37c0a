package nixmatch

import "testing"

// TestStartsWithName checks startsWithName on names that are, or are
// not, a pattern's first name: shorter, longer, equal but for a byte,
// empty, and the whole pattern.
func TestStartsWithName(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"services.openssh.enable", "services", true},
		{"services.openssh.enable", "service", false},
		{"services.openssh.enable", "servicesx", false},
		{"services.openssh.enable", "security", false},
		{"services.openssh.enable", "xervices", false},
		{"services", "services", true},
		{"services", "services.openssh", false},
		{"*.x", "*", true},
		{".x", "", true},
		{"x", "", false},
		{"", "", true},
		{"", "x", false},
	} {
		if got := startsWithName(c.pattern, c.name); got != c.want {
			t.Errorf("startsWithName(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}
