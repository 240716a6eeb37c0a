// Package spelling suggests the name a misspelt one was meant to be.
package spelling

// Closest returns the candidate nearest to name when it is a likely typo
// of it (at most two edits away, one for names of four bytes or fewer),
// or "". Of equally near candidates the first wins.
func Closest(name string, candidates ...string) string {
	best, bestDist := "", min(2, len(name)/4+1)+1
	for _, c := range candidates {
		if d := Distance(name, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int {
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
