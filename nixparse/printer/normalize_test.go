package printer

import (
	"sort"
	"strings"
	"testing"
)

// normalizeNix sorts, in a line printed by `nix-instantiate --parse` (Nix
// 2.8), the two groups whose order depends on memory addresses: the
// bindings of each let and the formals of each lambda. Nothing else is
// touched, so every other difference from our printer still shows.
func normalizeNix(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		switch {
		case s[i] == '"':
			j := skipString(s, i)
			b.WriteString(s[i:j])
			i = j
		case strings.HasPrefix(s[i:], "(let "):
			i = normalizeLet(&b, s, i)
		case strings.HasPrefix(s[i:], "({ "):
			i = normalizeFormals(&b, s, i)
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// skipString returns the index after the string literal starting at i.
func skipString(s string, i int) int {
	for i++; i < len(s) && s[i] != '"'; i++ {
		if s[i] == '\\' {
			i++
		}
	}
	return min(i+1, len(s))
}

// scanTo returns the index of the first occurrence of stop at bracket
// depth 0 from i, outside strings, after skipping one extra "; " per
// top-level "assert " (Nix prints assert without parentheses). A closing
// bracket at depth 0 also ends the scan (with stop "", only that does).
// It returns len(s) if none.
func scanTo(s string, i int, stop string) int {
	depth, asserts := 0, 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			i = skipString(s, i)
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				return i
			}
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], "assert ") && (i == 0 || s[i-1] == ' ' || s[i-1] == '('):
			asserts++
			i += len("assert ")
			continue
		case depth == 0 && stop != "" && strings.HasPrefix(s[i:], stop):
			if stop == "; " && asserts > 0 {
				asserts--
				break
			}
			return i
		}
		i++
	}
	return len(s)
}

// readName reads a binding name (identifier or quoted string) at i and
// returns its value and the index after it.
func readName(s string, i int) (string, int) {
	if i < len(s) && s[i] == '"' {
		j := skipString(s, i)
		return unquote(s[i:j]), j
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != ';' {
		j++
	}
	return s[i:j], j
}

// unquote decodes a string literal printed by Nix.
func unquote(q string) string {
	var b strings.Builder
	for i := 1; i < len(q)-1; i++ {
		if q[i] == '\\' && i+1 < len(q)-1 {
			i++
			switch q[i] {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte(q[i])
			}
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

type sortable struct{ key, text string }

// normalizeLet copies "(let BINDINGS in " at i with the bindings sorted
// by name and returns the index after "in ".
func normalizeLet(b *strings.Builder, s string, i int) int {
	i += len("(let ")
	var bs []sortable
	for i < len(s) {
		name, j := readName(s, i)
		switch {
		case strings.HasPrefix(s[j:], " = "):
			end := scanTo(s, j+3, "; ")
			text := s[i:j+3] + normalizeNix(s[j+3:end]) + "; "
			bs = append(bs, sortable{name, text})
			i = end + 2
		case name == "inherit" && strings.HasPrefix(s[j:], " "):
			inh, k := readName(s, j+1)
			bs = append(bs, sortable{inh, s[i:k] + "; "})
			i = k + 2
		default: // "in "
			sort.SliceStable(bs, func(x, y int) bool { return bs[x].key < bs[y].key })
			b.WriteString("(let ")
			for _, x := range bs {
				b.WriteString(x.text)
			}
			return i
		}
	}
	b.WriteString(s[i:])
	return len(s)
}

// normalizeFormals copies "({ FORMALS }" at i with the formals sorted by
// name when it starts a lambda, and returns the index after it.
func normalizeFormals(b *strings.Builder, s string, i int) int {
	close := scanTo(s, i+2, "") // the "}" closing the "{" at i+1
	if close >= len(s) || !(strings.HasPrefix(s[close+1:], ": ") || strings.HasPrefix(s[close+1:], " @ ")) {
		b.WriteByte(s[i])
		return i + 1
	}
	var fs []sortable
	ellipsis := false
	for j := i + 3; j < close-1; {
		end := min(scanTo(s, j, ", "), close-1)
		item := s[j:end]
		switch name, k := readName(item, 0); {
		case item == "...":
			ellipsis = true
		case strings.HasPrefix(item[k:], " ? "):
			fs = append(fs, sortable{name, item[:k+3] + normalizeNix(item[k+3:])})
		default:
			fs = append(fs, sortable{name, item})
		}
		j = end + 2
	}
	sort.SliceStable(fs, func(x, y int) bool { return fs[x].key < fs[y].key })
	parts := make([]string, 0, len(fs)+1)
	for _, f := range fs {
		parts = append(parts, f.text)
	}
	if ellipsis {
		parts = append(parts, "...")
	}
	b.WriteString("({ ")
	b.WriteString(strings.Join(parts, ", "))
	b.WriteString(" }")
	return close + 1
}

func TestNormalizeNix(t *testing.T) {
	tests := []struct{ in, want string }{
		{`(let b = 1; a = 2; in a)`, `(let a = 2; b = 1; in a)`},
		{`(let inherit z; a = assert x; y; in a)`, `(let a = assert x; y; inherit z; in a)`},
		{`(let "b c" = 1; "a" = (let y = 1; x = 2; in x); in 1)`, `(let "a" = (let x = 2; y = 1; in x); "b c" = 1; in 1)`},
		{`(let in = { b = 1; a = 2; }; in in)`, `(let in = { b = 1; a = 2; }; in in)`},
		{`({ z, a ? (let d = 1; c = 2; in c), ... } @ x: "(let b = 1; a = 2; in a)")`,
			`({ a ? (let c = 2; d = 1; in c), z, ... } @ x: "(let b = 1; a = 2; in a)")`},
		{`({ b, a }: ({ b = 1; a = 2; }).a)`, `({ a, b }: ({ b = 1; a = 2; }).a)`},
		{`({  }: 1)`, `({  }: 1)`},
		{`[ ({ y, x ? ", " }: x) ]`, `[ ({ x ? ", ", y }: x) ]`},
	}
	for _, tt := range tests {
		if got := normalizeNix(tt.in); got != tt.want {
			t.Errorf("normalizeNix(%s)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}
