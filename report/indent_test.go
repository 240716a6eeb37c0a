package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// encoderOutput is what writeIndented must reproduce.
func encoderOutput(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteIndented(t *testing.T) {
	values := []any{
		map[string]any{"empty": []int{}, "obj": map[string]any{}, "nested": [][]any{{}, {1, "x"}, {map[string]int{"a": 1}}}},
		[]string{`quote " and \ backslash \\" \\\"`, "<html> & 'x'", "tab\tnew\nline", "ünïcödé \u2028", `\`, `"`, ""},
		struct {
			A int     `json:"a"`
			B float64 `json:"b"`
			C *int    `json:"c"`
			D bool    `json:"d,omitempty"`
			E []byte  `json:"e"`
		}{A: -3, B: 1e-9, E: []byte("bytes")},
		42, "top", nil, []any{},
	}
	// Larger than a chunk: written in several.
	var big []map[string]any
	for i := range 3000 {
		big = append(big, map[string]any{"n": i, "s": "x,y", "l": []any{i, map[string]any{}, []int{}}})
	}
	values = append(values, big)
	for _, v := range values {
		var got bytes.Buffer
		if err := writeIndented(&got, v); err != nil {
			t.Fatal(err)
		}
		if want := encoderOutput(t, v); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("writeIndented(%#v) =\n%s\nwant\n%s", v, got.Bytes(), want)
		}
	}
}

// FuzzAppendIndented compares appendIndented with json.Indent on the
// compact form of any valid JSON.
func FuzzAppendIndented(f *testing.F) {
	for _, s := range []string{`{"a":[1,{},[]],"b":"x\"y\\"}`, `[]`, `"\\\\"`, `{"k":{"k":[null,true,false,-1.5e3]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, data) != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("appendIndented(%s) =\n%s\nwant\n%s", compact.Bytes(), got, want.Bytes())
		}
	})
}
