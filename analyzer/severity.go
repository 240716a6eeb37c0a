package analyzer

import (
	"strings"

	"golang.org/x/tools/go/analysis"
)

// severityMark prefixes a diagnostic's Category when the diagnostic is
// to be reported at a severity other than its rule's.
const severityMark = "severity:"

// WithSeverity returns d marked to be reported at s rather than at its
// rule's default severity, for rules whose catalogue severity depends on
// where the finding is (lookup-path is info outside flakes and modules,
// unpinned-fetch an error in flakes). Diagnostics covering a secret keep
// their "secret" category and cannot be marked.
func WithSeverity(d analysis.Diagnostic, s Severity) analysis.Diagnostic {
	if d.Category != "secret" {
		d.Category = severityMark + s.String()
	}
	return d
}

// DiagnosticSeverity returns the severity d asks for with WithSeverity,
// or false when it has none (it takes its rule's).
func DiagnosticSeverity(d analysis.Diagnostic) (Severity, bool) {
	name, ok := strings.CutPrefix(d.Category, severityMark)
	if !ok {
		return 0, false
	}
	s, err := ParseSeverity(name)
	return s, err == nil
}
