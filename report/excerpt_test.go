package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestClipExcerpt(t *testing.T) {
	long := strings.Repeat("a", 300)
	for _, tc := range []struct {
		line       string
		start, end int
		want       string // the shown text with the range in [ ]
	}{
		{"short = 1;", 0, 5, "[short] = 1;"},
		{long[:250] + "XY" + long[:48], 250, 252, "..." + long[:40] + "[XY]" + long[:40] + "..."},
		{"XY" + long, 0, 2, "[XY]" + long[:40] + "..."},
		{long + "XY", 300, 302, "..." + long[:40] + "[XY]"},
		{long + "é" + long, 290, 302, "..." + long[:40] + "[" + long[:10] + "é]" + long[:40] + "..."},
		{strings.Repeat("é", 150), 0, 300, "[" + strings.Repeat("é", 100) + "]" + strings.Repeat("é", 40) + "..."},
	} {
		line, start, end := clipExcerpt(tc.line, tc.start, tc.end)
		if got := line[:start] + "[" + line[start:end] + "]" + line[end:]; got != tc.want {
			t.Errorf("clipExcerpt(%q, %d, %d) = %q, want %q", tc.line, tc.start, tc.end, got, tc.want)
		}
	}
}

// TestTextExcerptCells checks that the underline lines up on a terminal:
// a tab stays a tab, a wide character (an emoji, CJK) takes two cells, a
// combining accent none.
func TestTextExcerptCells(t *testing.T) {
	src := "\tx = \"😀\"; y = http://a.org;\n" + "z = \"漢字\"; w = \"e\u0301\" + http://b.org;\n"
	res := &Result{
		Diagnostics: []Diagnostic{
			{File: "f.nix", Line: 1, Column: 18, EndLine: 1, EndColumn: 30, Rule: "url-literal", Severity: "warning", Message: "m"},
			{File: "f.nix", Line: 2, Column: 26, EndLine: 2, EndColumn: 38, Rule: "url-literal", Severity: "warning", Message: "m"},
		},
		Summary: Summary{Files: 1, Warnings: 2},
		Source:  func(string) Lines { return TextLines([]byte(src), nil) },
	}
	var b bytes.Buffer
	if err := Write(&b, "text", res, Options{}); err != nil {
		t.Fatal(err)
	}
	// Line 1: a tab, then 14 cells (the emoji takes 2); line 2: 21 cells
	// (4 for 漢字, 1 for the accented e).
	want := "f.nix:1:18: warning[url-literal] m\n" +
		"  |\n" +
		"1 | \tx = \"😀\"; y = http://a.org;\n" +
		"  | \t" + strings.Repeat(" ", 14) + "^^^^^^^^^^^^\n" +
		"f.nix:2:26: warning[url-literal] m\n" +
		"  |\n" +
		"2 | z = \"漢字\"; w = \"e\u0301\" + http://b.org;\n" +
		"  | " + strings.Repeat(" ", 21) + "^^^^^^^^^^^^\n" +
		"Found 2 problems (0 errors, 2 warnings, 0 infos) in 1 file.\n"
	if got := b.String(); got != want {
		t.Errorf("text:\n%s\nwant:\n%s", got, want)
	}
}
