package style

import (
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
)

func TestURLLiteral(t *testing.T) {
	results := analyzertest.RunWithSuggestedFixes(t, "testdata/url-literal", URLLiteral)
	want := "3:24-3:52: URL literal: quote it (RFC 45)\n" +
		"6:9-6:45: URL literal: quote it (RFC 45)\n" +
		"6:46-6:65: URL literal: quote it (RFC 45)\n"
	if got := analyzertest.Format(results[0].Findings); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
}
