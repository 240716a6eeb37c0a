package analyzer

import "fmt"

// didYouMean returns ` (did you mean "x"?)` when name is a likely typo of
// x, the name of one of rules or, with categories set, of their
// categories (at most two edits away, one for short names), or "".
func didYouMean(rules []*Rule, name string, categories bool) string {
	best, bestDist := "", min(2, len(name)/4+1)+1
	consider := func(candidate string) {
		if d := editDistance(name, candidate); d < bestDist {
			best, bestDist = candidate, d
		}
	}
	for _, r := range rules {
		consider(r.Name)
		if categories {
			consider(r.Category)
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
