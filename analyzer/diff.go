package analyzer

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines around each hunk.
const diffContext = 3

// lineOp is one line of an edit script: ' ' kept, '-' deleted, '+' added.
type lineOp struct {
	kind byte
	text string // the line, with its newline if it has one
}

// unifiedDiff returns the unified diff turning before into after, with
// the headers "--- a/NAME" and "+++ b/NAME"; "" when they are equal.
func unifiedDiff(name string, before, after []byte) string {
	if string(before) == string(after) {
		return ""
	}
	ops := diffLines(splitLines(string(before)), splitLines(string(after)))
	var b strings.Builder
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
	for start := 0; start < len(ops); {
		// Find the next change, then extend the hunk while changes are
		// less than two contexts apart.
		first := start
		for first < len(ops) && ops[first].kind == ' ' {
			first++
		}
		if first == len(ops) {
			break
		}
		last := first
		for i := first; i < len(ops); i++ {
			if ops[i].kind != ' ' {
				last = i
			} else if i-last > 2*diffContext {
				break
			}
		}
		from := max(first-diffContext, start)
		to := min(last+diffContext+1, len(ops))
		writeHunk(&b, ops, from, to)
		start = to
	}
	return b.String()
}

// writeHunk writes ops[from:to] as one hunk.
func writeHunk(b *strings.Builder, ops []lineOp, from, to int) {
	oldStart, newStart := 1, 1
	for _, op := range ops[:from] {
		if op.kind != '+' {
			oldStart++
		}
		if op.kind != '-' {
			newStart++
		}
	}
	oldLen, newLen := 0, 0
	for _, op := range ops[from:to] {
		if op.kind != '+' {
			oldLen++
		}
		if op.kind != '-' {
			newLen++
		}
	}
	fmt.Fprintf(b, "@@ -%s +%s @@\n", hunkRange(oldStart, oldLen), hunkRange(newStart, newLen))
	for _, op := range ops[from:to] {
		b.WriteByte(op.kind)
		b.WriteString(op.text)
		if !strings.HasSuffix(op.text, "\n") {
			b.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange renders "start,len" as diff does: an empty range names the
// line before it.
func hunkRange(start, n int) string {
	if n == 0 {
		start--
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// splitLines splits s after each newline.
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines, s = append(lines, s[:i+1]), s[i+1:]
	}
	return lines
}

// diffLines computes a shortest edit script from a to b with Myers'
// algorithm.
func diffLines(a, b []string) []lineOp {
	n, m := len(a), len(b)
	offset := n + m
	v := make([]int, 2*offset+2)
	var trace [][]int
	for d := 0; d <= n+m; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[offset+k] = x
			if x >= n && y >= m {
				return backtrack(a, b, trace, offset)
			}
		}
	}
	return nil // unreachable: d = n+m always reaches the end
}

// backtrack recovers the edit script from Myers' trace.
func backtrack(a, b []string, trace [][]int, offset int) []lineOp {
	x, y := len(a), len(b)
	var rev []lineOp
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		k := x - y
		var prevK int
		if k == -d || k != d && v[offset+k-1] < v[offset+k+1] {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[offset+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, lineOp{' ', a[x]})
		}
		if d == 0 {
			break
		}
		if x == prevX {
			y--
			rev = append(rev, lineOp{'+', b[y]})
		} else {
			x--
			rev = append(rev, lineOp{'-', a[x]})
		}
	}
	ops := make([]lineOp, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}
