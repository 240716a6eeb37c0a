package analyzer

import "github.com/nixaudit/nixaudit/analyzer/nixpass"

// Suppressions returns a test of whether a suppression comment of f
// (`# nixaudit: ignore[…]`, or `# deadnix: skip` for the deadcode
// category) silences findings of the named rule, of the given category,
// on a line. Rules whose fixes rely on other findings being fixed with
// them use it: a binding used only by a suppressed dead binding must
// stay. Asking does not count as using a suppression.
func Suppressions(f *nixpass.File) func(rule, category string, line int) bool {
	sups := parseSuppressions(f)
	return func(rule, category string, line int) bool {
		for _, s := range sups {
			if s.match(rule, category, line) >= 0 {
				return true
			}
		}
		return false
	}
}
