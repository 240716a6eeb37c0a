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
