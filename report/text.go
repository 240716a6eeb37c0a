package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/fatih/color"
)

// palette holds the text format's colours: the escape sequences that
// open and close each (fatih/color's, found once; empty without colour),
// so that a finding is appended to a buffer rather than formatted piece
// by piece, which made thirty allocations per finding.
type palette struct {
	err, warn, info, location, gutter, caret, hint, bold style
}

// style is the escape sequences around a coloured text.
type style struct{ on, off string }

func newPalette(enabled bool) palette {
	mk := func(attrs ...color.Attribute) style {
		if !enabled {
			return style{}
		}
		c := color.New(attrs...)
		c.EnableColor()
		// Sprint wraps its text in sequences that do not depend on it.
		on, off, _ := strings.Cut(c.Sprint("\x00"), "\x00")
		return style{on, off}
	}
	return palette{
		err: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold),
		info: mk(color.FgCyan, color.Bold), location: mk(color.Bold),
		gutter: mk(color.FgBlue), caret: mk(color.FgRed), hint: mk(color.FgGreen), bold: mk(color.Bold),
	}
}

func (p palette) severity(s string) style {
	switch s {
	case "error":
		return p.err
	case "warning":
		return p.warn
	}
	return p.info
}

// add appends text in style s to dst.
func (s style) add(dst []byte, text string) []byte {
	dst = append(dst, s.on...)
	dst = append(dst, text...)
	return append(dst, s.off...)
}

// writeText prints each finding as
//
//	file:line:col: severity[rule] message
//	   |
//	12 |   the source line
//	   |   ^^^^^
//	   = fix (safe): what the fix does
//
// then a summary line.
func writeText(w io.Writer, res *Result, opts Options) error {
	p := newPalette(opts.Color)
	var b []byte
	for i := range res.Diagnostics {
		d := &res.Diagnostics[i]
		b = append(b[:0], p.location.on...)
		b = append(b, d.File...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(d.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(d.Column), 10)
		b = append(b, p.location.off...)
		sev := p.severity(d.Severity)
		b = append(b, ": "...)
		b = append(b, sev.on...)
		b = append(b, d.Severity...)
		b = append(b, '[')
		b = append(b, d.Rule...)
		b = append(b, ']')
		b = append(b, sev.off...)
		b = append(b, ' ')
		b = append(b, d.Message...)
		b = append(b, '\n')
		if !opts.Quiet {
			b = appendExcerpt(b, p, res, d)
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if opts.Statistics {
		if err := writeStatistics(w, res); err != nil {
			return err
		}
	}
	if opts.Quiet {
		return nil
	}
	_, err := w.Write(append(p.bold.add(b[:0], summaryLine(res)), '\n'))
	return err
}

// appendExcerpt appends d's source line with its range underlined, and
// its fixes, to dst.
func appendExcerpt(dst []byte, p palette, res *Result, d *Diagnostic) []byte {
	if line, start, end, ok := res.excerpt(d); ok {
		line, start, end = clipExcerpt(line, start, end)
		num := strconv.Itoa(d.Line)
		pad := len(num)
		dst = appendBlanks(dst, pad)
		dst = append(dst, ' ')
		dst = append(p.gutter.add(dst, "|"), '\n')
		dst = append(p.gutter.add(dst, num), ' ')
		dst = append(p.gutter.add(dst, "|"), ' ')
		dst = append(append(dst, line...), '\n')
		dst = appendBlanks(dst, pad)
		dst = append(dst, ' ')
		dst = append(p.gutter.add(dst, "|"), ' ')
		dst = appendIndentLike(dst, line[:start])
		dst = appendUnderline(append(dst, p.caret.on...), line[start:end])
		dst = append(append(dst, p.caret.off...), '\n')
	}
	for _, f := range d.Fixes {
		safety := " (unsafe, with --unsafe-fixes)\n"
		if f.Safe {
			safety = " (safe, with --fix)\n"
		}
		dst = append(p.hint.add(append(dst, "   "...), "= fix:"), ' ')
		dst = append(append(dst, f.Description...), safety...)
	}
	return dst
}

// appendBlanks appends n spaces to dst.
func appendBlanks(dst []byte, n int) []byte {
	for range n {
		dst = append(dst, ' ')
	}
	return dst
}

func summaryLine(res *Result) string {
	s := res.Summary
	total := s.Errors + s.Warnings + s.Infos
	files := plural(s.Files, "file")
	if total == 0 {
		return fmt.Sprintf("No problems found in %s.", files)
	}
	fixable := 0
	for _, d := range res.Diagnostics {
		for _, f := range d.Fixes {
			if f.Safe {
				fixable++
				break
			}
		}
	}
	line := fmt.Sprintf("Found %s (%s, %s, %s) in %s.", plural(total, "problem"),
		plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info"), files)
	if fixable > 0 {
		line += fmt.Sprintf(" %d fixable with --fix.", fixable)
	}
	return line
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
