package style

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/analyzertest"
)

func TestEmptyInherit(t *testing.T) {
	results := analyzertest.RunWithSuggestedFixes(t, "testdata/empty-inherit", EmptyInherit)
	want := "2:3-2:11: empty inherit: it binds nothing\n" +
		"8:3-8:15: empty inherit: it binds nothing\n" +
		"9:16-9:24: empty inherit: it binds nothing\n"
	if got := analyzertest.Format(results[0].Findings); got != want {
		t.Errorf("findings:\n%s\nwant\n%s", got, want)
	}
}

// TestEmptyInheritFixLayout checks how the fix leaves the surrounding
// text, which golden files with "# want" comments cannot show: a line
// holding only the inherit goes away entirely.
func TestEmptyInheritFixLayout(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{\n  a = 1;\n  inherit;\n}\n", "{\n  a = 1;\n}\n"},
		{"{\n  inherit;  a = 1;\n}\n", "{\n  a = 1;\n}\n"},
		{"{ a = 1; inherit; }\n", "{ a = 1; }\n"},
		{"let inherit; in 1\n", "let in 1\n"},
		{"{\n  inherit\n    ;\n}\n", "{\n}\n"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "a.nix"), []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		res := analyzertest.Analyze(t, dir, EmptyInherit)
		if got := string(analyzertest.Fix(t, res[0])); got != tc.want {
			t.Errorf("fix of %q = %q, want %q", tc.src, got, tc.want)
		}
	}
}
