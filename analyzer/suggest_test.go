package analyzer

import "testing"

func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct {
		name       string
		categories bool
		want       string
	}{
		{"a-rul", false, ` (did you mean "a-rule"?)`},
		{"b-rlue", false, ` (did you mean "b-rule"?)`},
		{"syntx", true, ` (did you mean "syntax"?)`},
		{"syntx", false, ""},
		{"nope", true, ""},
		{"c", true, ""}, // a short name needs a close match
		{"unrelated", true, ""},
	} {
		if got := didYouMean(testRules, tc.name, tc.categories); got != tc.want {
			t.Errorf("didYouMean(%q, %v) = %q, want %q", tc.name, tc.categories, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"rule", "rlue", 2}, {"same", "same", 0},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
