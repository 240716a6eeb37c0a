package report

import (
	"bytes"
	"encoding/json"
	"slices"
	"testing"
)

// marshalReport is the json format as encoding/json renders it from the
// types' tags: what writeJSON must write byte for byte.
func marshalReport(t *testing.T, res *Result, statistics bool) string {
	t.Helper()
	out := struct {
		Version     int            `json:"version"`
		Diagnostics []Diagnostic   `json:"diagnostics"`
		Summary     Summary        `json:"summary"`
		Statistics  map[string]int `json:"statistics,omitempty"`
	}{Version: 1, Diagnostics: []Diagnostic{}, Summary: res.Summary}
	for _, d := range res.Diagnostics {
		fixes := []Fix{}
		for _, f := range d.Fixes {
			if f.Edits == nil {
				f.Edits = []Edit{}
			}
			fixes = append(fixes, f)
		}
		d.Fixes = fixes
		out.Diagnostics = append(out.Diagnostics, d)
		if statistics {
			if out.Statistics == nil {
				out.Statistics = map[string]int{}
			}
			out.Statistics[d.Rule]++
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// jsonStrings are texts encoding/json escapes: quotes, backslashes,
// control characters, HTML's <, > and &, invalid UTF-8, U+2028 and
// U+2029, and plain multibyte text.
var jsonStrings = []string{
	"", "plain", `say "hi" \ bye`, "tab\tnew\nline\r\b\f\x00\x1f\x7f",
	"<a href='x'>&amp;</a>", "bad \xff\xfe utf-8 \xe2\x82", "sep\u2028par\u2029", "caf\u00e9 \u65e5\u672c",
}

func TestJSONAsEncodingJSON(t *testing.T) {
	var diags []Diagnostic
	for i, s := range jsonStrings {
		d := Diagnostic{File: "dir/" + s + ".nix", Line: i + 1, Column: 2, EndLine: i + 3, EndColumn: 40,
			Rule: "rule-" + string(rune('a'+i%3)), Category: s, Severity: "warning", Message: s,
			Fingerprint: "not shown", Secret: i%2 == 0}
		switch i % 3 {
		case 1:
			d.Fixes = []Fix{{Description: s, Safe: true, Edits: []Edit{{Line: 1, Column: 2, EndLine: 3, EndColumn: 4, NewText: s}, {NewText: ""}}}}
		case 2:
			d.Fixes = []Fix{{Description: "no edits"}, {Description: "two", Edits: []Edit{{Line: 9}}}}
		}
		diags = append(diags, d)
	}
	for _, c := range []struct {
		name string
		res  *Result
	}{
		{"empty", &Result{Summary: Summary{Files: 1}}},
		{"findings", &Result{Diagnostics: diags, Summary: Summary{Files: 3, Errors: 1, Warnings: 20, Infos: 300}}},
		// Written in several chunks.
		{"many", &Result{Diagnostics: slices.Repeat(diags, 200), Summary: Summary{Files: 1}}},
	} {
		for _, statistics := range []bool{false, true} {
			var b bytes.Buffer
			if err := Write(&b, "json", c.res, Options{Statistics: statistics}); err != nil {
				t.Fatal(err)
			}
			if want := marshalReport(t, c.res, statistics); b.String() != want {
				t.Errorf("%s (statistics %v):\n%s\nwant\n%s", c.name, statistics, b.String(), want)
			}
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}
