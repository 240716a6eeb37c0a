package analyzer

import (
	"fmt"

	"github.com/nixaudit/nixaudit/internal/spelling"
)

// didYouMean returns ` (did you mean "x"?)` when name is a likely typo of
// x, the name of one of rules or, with categories set, of their
// categories, or "".
func didYouMean(rules []*Rule, name string, categories bool) string {
	var names []string
	for _, r := range rules {
		names = append(names, r.Name)
		if categories {
			names = append(names, r.Category)
		}
	}
	if best := spelling.Closest(name, names...); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
