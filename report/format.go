package report

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// Options adjust the rendering.
type Options struct {
	Color      bool // ANSI colour (text only)
	Statistics bool // append counts per rule (text, errfmt, github)
	Quiet      bool // findings only: no excerpts, no summary line (text)
}

// Formats lists the names Write accepts.
var Formats = []string{"text", "json", "sarif", "github", "errfmt"}

// Write renders res in format to w, in writes of tens of kilobytes: the
// formats render a finding at a time, and a write to a pipe or terminal
// per finding costs more than rendering it.
func Write(w io.Writer, format string, res *Result, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(bw, format, res, opts); err != nil {
		return err
	}
	return bw.Flush()
}

func write(w io.Writer, format string, res *Result, opts Options) error {
	switch format {
	case "text":
		return writeText(w, res, opts)
	case "json":
		return writeJSON(w, res, opts)
	case "sarif":
		return writeSARIF(w, res)
	case "github":
		return writeGitHub(w, res, opts)
	case "errfmt":
		return writeErrfmt(w, res, opts)
	}
	return fmt.Errorf("unknown format %q (want one of text, json, sarif, github, errfmt)", format)
}

// UseColor decides whether output to out is coloured: mode is "always",
// "never" or "auto" (colour on a terminal unless NO_COLOR is set).
func UseColor(mode string, out *os.File) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if os.Getenv("NO_COLOR") != "" || out == nil {
			return false, nil
		}
		return isatty.IsTerminal(out.Fd()) || isatty.IsCygwinTerminal(out.Fd()), nil
	}
	return false, fmt.Errorf("unknown --color mode %q (want auto, always or never)", mode)
}
