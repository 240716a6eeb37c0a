package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestTextLines checks every line of texts with and without a final
// newline, CRLF ends and empty lines against strings.Split, looking each
// line up twice and out of order, as reports do.
func TestTextLines(t *testing.T) {
	texts := map[string]string{
		"a.nix": "{\n  a = 1;\r\n\n  b = 2;\n}\n",
		"b.nix": "x",
		"c.nix": "",
		"d.nix": "one\ntwo",
	}
	r := &Result{Source: func(file string) Lines {
		if text, ok := texts[file]; ok {
			return TextLines([]byte(text), nil)
		}
		return nil
	}}
	for file, text := range texts {
		lines := strings.Split(text, "\n")
		for _, n := range []int{len(lines) + 1, 0, 1, len(lines), 2, 1, len(lines) + 1} {
			got, ok := r.sourceLine(file, n)
			want, wantOK := "", n >= 1 && n <= len(lines)
			if wantOK {
				want = strings.TrimSuffix(lines[n-1], "\r")
			}
			if got != want || ok != wantOK {
				t.Errorf("%s line %d = %q, %v; want %q, %v", file, n, got, ok, want, wantOK)
			}
		}
	}
	if _, ok := r.sourceLine("missing.nix", 1); ok {
		t.Error("a file without source has a line")
	}
}

// TestTextLinesFromLineStarts checks that lines come from the line table
// given, as positions were computed with it: Nix ends a line at a lone CR
// too. Without one, lines end at LFs.
func TestTextLinesFromLineStarts(t *testing.T) {
	src := []byte("a\rb = 1;\r\nc\n")
	for _, c := range []struct {
		starts []int
		n      int
		want   string
		ok     bool
	}{
		{[]int{0, 2, 10}, 1, "a", true},
		{[]int{0, 2, 10}, 2, "b = 1;", true},
		{[]int{0, 2, 10}, 3, "c", true},
		{[]int{0, 2, 10}, 4, "", false},
		{nil, 1, "a\rb = 1;", true},
		{nil, 2, "c", true},
		{nil, 3, "", true},
		{nil, 4, "", false},
	} {
		got, ok := TextLines(src, c.starts).Line(c.n)
		if string(got) != c.want || ok != c.ok {
			t.Errorf("starts %v line %d = %q, %v; want %q, %v", c.starts, c.n, got, ok, c.want, c.ok)
		}
	}
}

// recordedLines is a file's whole text that notes the lines asked for.
type recordedLines struct {
	Lines
	asked map[int]bool
}

func (r *recordedLines) Line(n int) ([]byte, bool) {
	r.asked[n] = true
	return r.Lines.Line(n)
}

// TestKeepLinesCoverReports renders every format from whole texts and
// from the lines KeepLines keeps of them: each line a report reads must
// be kept, and the outputs must be the same. The findings span lines,
// have fixes on other lines than theirs, share lines and hide a secret;
// one file breaks lines at a lone CR.
func TestKeepLinesCoverReports(t *testing.T) {
	texts := map[string]string{
		"a.nix": "{\n  x = 1;\n  y = ''\n    two é\n  '';\n  z = http://a.b;\n  t = \"ghp_abcdefabcdefabcdef\";\n}\n",
		"b.nix": "let\r  a = 1;\rin\r  a\r",
	}
	starts := map[string][]int{"b.nix": {0, 4, 12, 15, 19}}
	diags := []Diagnostic{
		{File: "a.nix", Line: 2, Column: 3, EndLine: 5, EndColumn: 6, Rule: "r1", Severity: "warning", Message: "span",
			Fixes: []Fix{{Description: "move", Edits: []Edit{
				{Line: 4, Column: 5, EndLine: 4, EndColumn: 9, NewText: "x"},
				{Line: 6, Column: 3, EndLine: 7, EndColumn: 4, NewText: ""}}}}},
		{File: "a.nix", Line: 6, Column: 7, EndLine: 6, EndColumn: 15, Rule: "r2", Severity: "info", Message: "url"},
		{File: "a.nix", Line: 7, Column: 7, EndLine: 7, EndColumn: 31, Rule: "r3", Severity: "error", Message: "secret", Secret: true},
		{File: "b.nix", Line: 2, Column: 3, EndLine: 4, EndColumn: 4, Rule: "r2", Severity: "info", Message: "cr"},
	}
	byFile := map[string][]Diagnostic{}
	for _, d := range diags {
		byFile[d.File] = append(byFile[d.File], d)
	}
	for _, format := range Formats {
		recorded := map[string]*recordedLines{}
		whole := &Result{Diagnostics: diags, Source: func(f string) Lines {
			r := &recordedLines{Lines: TextLines([]byte(texts[f]), starts[f]), asked: map[int]bool{}}
			recorded[f] = r
			return r
		}}
		kept := &Result{Diagnostics: diags, Source: func(f string) Lines {
			return KeepLines(TextLines([]byte(texts[f]), starts[f]), byFile[f])
		}}
		var want, got bytes.Buffer
		if err := Write(&want, format, whole, Options{}); err != nil {
			t.Fatal(err)
		}
		if err := Write(&got, format, kept, Options{}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s from kept lines:\n%s\nfrom whole texts:\n%s", format, &got, &want)
		}
		for f, r := range recorded {
			k := KeepLines(r.Lines, byFile[f])
			for n := range r.asked {
				if _, ok := r.Lines.Line(n); !ok {
					continue
				}
				if _, ok := k.Line(n); !ok {
					t.Errorf("%s reads line %d of %s, which KeepLines drops", format, n, f)
				}
			}
		}
	}
}

// TestKeepLinesOnly checks that KeepLines holds exactly the lines of the
// findings' ranges and of their fixes' edits that the file has.
func TestKeepLinesOnly(t *testing.T) {
	var b strings.Builder
	for n := 1; n <= 9; n++ {
		fmt.Fprintf(&b, "line %d\n", n)
	}
	all := TextLines([]byte(b.String()), nil)
	k := KeepLines(all, []Diagnostic{
		{Line: 7, EndLine: 7},
		{Line: 2, EndLine: 4, Fixes: []Fix{{Edits: []Edit{{Line: 9, EndLine: 12}}}}},
	})
	shown := map[int]bool{2: true, 4: true, 7: true, 9: true, 12: true} // 12 is past the end
	checkKept(t, k, all, shown, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
}

// checkKept fails t unless kept, made of all, has each line of ns that
// is shown, as all has it, and no other.
func checkKept(t *testing.T, kept, all Lines, shown map[int]bool, ns []int) {
	t.Helper()
	for _, n := range ns {
		got, ok := kept.Line(n)
		want, wantOK := all.Line(n)
		if !shown[n] {
			want, wantOK = nil, false
		}
		if string(got) != string(want) || ok != wantOK {
			t.Errorf("line %d = %q, %v; want %q, %v", n, got, ok, want, wantOK)
		}
	}
}

// FuzzKeepLines checks that the lines KeepLines keeps of a text are the
// text's own, whatever the text and the findings' line numbers (past
// the end, zero or negative included), and that it keeps no others.
func FuzzKeepLines(f *testing.F) {
	f.Add("a\nb\r\nc\rd\n", 2, 3, 1, 9)
	f.Add("", 0, -1, 1, 1)
	f.Fuzz(func(t *testing.T, text string, line, endLine, editLine, editEnd int) {
		all := TextLines([]byte(text), nil)
		diags := []Diagnostic{{Line: line, EndLine: endLine, Fixes: []Fix{{Edits: []Edit{{Line: editLine, EndLine: editEnd}}}}}}
		k := KeepLines(all, diags)
		shown := map[int]bool{line: true, endLine: true, editLine: true, editEnd: true}
		checkKept(t, k, all, shown, []int{line, endLine, editLine, editEnd, line - 1, line + 1, editEnd + 1})
	})
}
