package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
)

// palette holds the text format's colours; all no-ops without colour.
type palette struct {
	err, warn, info, location, rule, gutter, caret, hint, bold *color.Color
}

func newPalette(enabled bool) palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return palette{
		err: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold),
		info: mk(color.FgCyan, color.Bold), location: mk(color.Bold), rule: mk(color.Faint),
		gutter: mk(color.FgBlue), caret: mk(color.FgRed), hint: mk(color.FgGreen), bold: mk(color.Bold),
	}
}

func (p palette) severity(s string) *color.Color {
	switch s {
	case "error":
		return p.err
	case "warning":
		return p.warn
	}
	return p.info
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
	var b strings.Builder
	for i := range res.Diagnostics {
		d := &res.Diagnostics[i]
		fmt.Fprintf(&b, "%s: %s %s\n",
			p.location.Sprintf("%s:%d:%d", d.File, d.Line, d.Column),
			p.severity(d.Severity).Sprintf("%s[%s]", d.Severity, d.Rule), d.Message)
		if !opts.Quiet {
			writeExcerpt(&b, p, res, d)
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
	}
	if opts.Statistics {
		if err := writeStatistics(w, res); err != nil {
			return err
		}
	}
	if opts.Quiet {
		return nil
	}
	_, err := fmt.Fprintln(w, p.bold.Sprint(summaryLine(res)))
	return err
}

func writeExcerpt(b *strings.Builder, p palette, res *Result, d *Diagnostic) {
	if line, start, end, ok := res.excerpt(d); ok {
		num := fmt.Sprint(d.Line)
		pad := strings.Repeat(" ", len(num))
		fmt.Fprintf(b, "%s %s\n", pad, p.gutter.Sprint("|"))
		fmt.Fprintf(b, "%s %s %s\n", p.gutter.Sprint(num), p.gutter.Sprint("|"), line)
		fmt.Fprintf(b, "%s %s %s%s\n", pad, p.gutter.Sprint("|"), indentLike(line[:start]),
			p.caret.Sprint(strings.Repeat("^", max(utf8.RuneCountInString(line[start:end]), 1))))
	}
	for _, f := range d.Fixes {
		safety := "unsafe, with --unsafe-fixes"
		if f.Safe {
			safety = "safe, with --fix"
		}
		fmt.Fprintf(b, "   %s %s\n", p.hint.Sprint("= fix:"), fmt.Sprintf("%s (%s)", f.Description, safety))
	}
}

// indentLike returns blanks as wide as prefix, keeping its tabs so the
// caret lines up under the source.
func indentLike(prefix string) string {
	var b strings.Builder
	for _, r := range prefix {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
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
