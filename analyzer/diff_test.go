package analyzer

import "testing"

func TestUnifiedDiff(t *testing.T) {
	for _, tc := range []struct {
		name, before, after, want string
	}{
		{"equal", "a\n", "a\n", ""},
		{"one change", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			"--- a/f.nix\n+++ b/f.nix\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n",
			"--- a/f.nix\n+++ b/f.nix\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -9,4 +9,3 @@\n 9\n 10\n 11\n-12\n"},
		{"insert into empty", "", "a\n", "--- a/f.nix\n+++ b/f.nix\n@@ -0,0 +1 @@\n+a\n"},
		{"no newline at end", "a\nb", "a\nc", "--- a/f.nix\n+++ b/f.nix\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"delete line", "a\nb\nc\n", "a\nc\n", "--- a/f.nix\n+++ b/f.nix\n@@ -1,3 +1,2 @@\n a\n-b\n c\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := unifiedDiff("f.nix", []byte(tc.before), []byte(tc.after)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
