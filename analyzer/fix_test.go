package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func edit(pos, end int, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: token.Pos(pos), End: token.Pos(end), NewText: []byte(text)}
}

func TestOverlaps(t *testing.T) {
	for _, tc := range []struct {
		a, b analysis.TextEdit
		want bool
	}{
		{edit(1, 5, ""), edit(5, 8, ""), false},
		{edit(1, 5, ""), edit(4, 8, ""), true},
		{edit(1, 5, ""), edit(5, 5, "x"), false},
		{edit(1, 5, ""), edit(1, 1, "x"), false},
		{edit(1, 5, ""), edit(3, 3, "x"), true},
		{edit(3, 3, "x"), edit(3, 3, "y"), true},
		{edit(3, 3, "x"), edit(4, 4, "y"), false},
	} {
		if got := overlaps(tc.a, tc.b); got != tc.want {
			t.Errorf("overlaps(%v, %v) = %v", tc.a, tc.b, got)
		}
		if got := overlaps(tc.b, tc.a); got != tc.want {
			t.Errorf("overlaps(%v, %v) = %v", tc.b, tc.a, got)
		}
	}
}

func TestChooseFixes(t *testing.T) {
	fix := func(msg string, edits ...analysis.TextEdit) analysis.SuggestedFix {
		return analysis.SuggestedFix{Message: msg, TextEdits: edits}
	}
	cands := []candidate{
		{rule: "z", fix: fix("late", edit(20, 25, "z"))},
		{rule: "b", fix: fix("same start, later rule", edit(10, 12, "b"))},
		{rule: "a", fix: fix("same start", edit(10, 15, "a"))},
		{rule: "c", fix: fix("two edits, one overlapping", edit(1, 2, "c"), edit(14, 16, "c"))},
		{rule: "d", fix: fix("disjoint", edit(16, 18, "d"))},
		{rule: "e", fix: fix("its own edits overlap", edit(30, 33, "e"), edit(32, 36, "e"))},
	}
	for i := range cands {
		cands[i].start = firstEdit(cands[i].fix)
	}
	// c starts first and is taken whole; a (10-15) overlaps c's 14-16; b
	// (10-12) does not; d and z do not overlap anything taken; e is never
	// taken, as applying it in part could change what the code means.
	got := chooseFixes(cands)
	var texts []string
	for _, f := range got {
		texts = append(texts, string(f[0].NewText))
	}
	if want := []string{"c", "b", "d", "z"}; len(texts) != len(want) || texts[0] != "c" || texts[1] != "b" || texts[2] != "d" || texts[3] != "z" {
		t.Errorf("chosen fixes = %q, want %q", texts, want)
	}
}

// TestFingerprintFormat pins the fingerprint of baselines written
// before: a SHA-256 of the rule, the file, the flagged text's words
// joined by single spaces and the occurrence, each followed by a NUL.
// Blanks are Unicode's, as strings.Fields has them.
func TestFingerprintFormat(t *testing.T) {
	for _, text := range []string{"", "a", "  a =\t1;\n", "x\u00a0y\u2003 z", "é  ü\r\n"} {
		h := sha256.New()
		for _, part := range []string{"rule", "dir/f.nix", strings.Join(strings.Fields(text), " "), "3"} {
			h.Write([]byte(part))
			h.Write([]byte{0})
		}
		want := hex.EncodeToString(h.Sum(nil)[:16])
		if got := fingerprint("rule", "dir/f.nix", text, 3); got != want {
			t.Errorf("fingerprint of %q = %s, want %s", text, got, want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := fingerprint("r", "f.nix", "a =  1;\n", 0)
	if b := fingerprint("r", "f.nix", "a = 1;", 0); a != b {
		t.Errorf("blank changes altered the fingerprint")
	}
	for _, other := range []string{
		fingerprint("s", "f.nix", "a = 1;", 0),
		fingerprint("r", "g.nix", "a = 1;", 0),
		fingerprint("r", "f.nix", "a = 2;", 0),
		fingerprint("r", "f.nix", "a = 1;", 1),
	} {
		if other == a {
			t.Errorf("fingerprints collide")
		}
	}
}
