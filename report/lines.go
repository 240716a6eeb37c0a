package report

import (
	"bytes"
	"slices"
)

// Lines are lines of a file's text, by number, for the excerpts of the
// reports.
type Lines interface {
	// Line returns line n (1-based) without its line break; false when
	// the file has no such line, or it is not held.
	Line(n int) ([]byte, bool)
}

// TextLines returns the lines of src. starts are the offsets at which
// they start: the line table the findings were positioned with, whose
// line breaks may include a lone CR as Nix's do. When starts is nil the
// lines are those of src ended by an LF.
func TextLines(src []byte, starts []int) Lines {
	if starts == nil {
		starts = lineStarts(src)
	}
	return &textLines{src: src, starts: starts}
}

// textLines is a whole text and the offsets at which its lines start.
type textLines struct {
	src    []byte
	starts []int
}

func (t *textLines) Line(n int) ([]byte, bool) {
	if n < 1 || n > len(t.starts) || t.starts[n-1] > len(t.src) {
		return nil, false
	}
	end := len(t.src)
	if n < len(t.starts) {
		end = min(max(t.starts[n], t.starts[n-1]), end)
	}
	line := bytes.TrimSuffix(t.src[t.starts[n-1]:end], newline)
	return bytes.TrimSuffix(line, []byte("\r")), true
}

// lineStarts returns the offsets at which the lines of src start, each
// ended by an LF.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, newline)+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

var newline = []byte{'\n'}

// KeepLines copies out of all, the lines of a file, the ones the reports
// may show of diags, its findings: the lines their ranges and their
// fixes' edits start and end on. A run keeps these few lines of a file
// with findings rather than its whole text.
func KeepLines(all Lines, diags []Diagnostic) Lines {
	var nums []int
	for i := range diags {
		d := &diags[i]
		nums = append(nums, d.Line, d.EndLine)
		for _, f := range d.Fixes {
			for _, e := range f.Edits {
				nums = append(nums, e.Line, e.EndLine)
			}
		}
	}
	slices.Sort(nums)
	nums = slices.Compact(nums)
	k := &keptLines{lines: make([]keptLine, 0, len(nums))}
	for _, n := range nums {
		if line, ok := all.Line(n); ok {
			k.text = append(k.text, line...)
			k.lines = append(k.lines, keptLine{n: n, end: len(k.text)})
		}
	}
	return k
}

// keptLines holds some lines of a file, in order of their numbers, one
// after the other in text.
type keptLines struct {
	text  []byte
	lines []keptLine
}

// keptLine is the number of a kept line and the offset in text at which
// it ends; it starts where the one before ends.
type keptLine struct{ n, end int }

func (k *keptLines) Line(n int) ([]byte, bool) {
	i, found := slices.BinarySearchFunc(k.lines, n, func(l keptLine, n int) int { return l.n - n })
	if !found {
		return nil, false
	}
	start := 0
	if i > 0 {
		start = k.lines[i-1].end
	}
	end := k.lines[i].end
	return k.text[start:end:end], true
}
