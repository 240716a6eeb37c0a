package spelling

import "testing"

func TestClosest(t *testing.T) {
	for _, tc := range []struct {
		name       string
		candidates []string
		want       string
	}{
		{"fail_on", []string{"exclude", "fail-on", "rules"}, "fail-on"},
		{"secuirty", []string{"style", "security"}, "security"},
		{"a-rul", []string{"a-rule", "b-rule"}, "a-rule"},
		{"b-rlue", []string{"a-rule", "b-rule"}, "b-rule"},
		{"nope", []string{"a-rule", "b-rule"}, ""},
		{"c", []string{"cc", "ab"}, "cc"},    // one edit
		{"ab", []string{"xyz"}, ""},          // a short name needs a close match
		{"unrelated", []string{"rules"}, ""}, // too far
	} {
		if got := Closest(tc.name, tc.candidates...); got != tc.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tc.name, tc.candidates, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"rule", "rlue", 2}, {"same", "same", 0},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
