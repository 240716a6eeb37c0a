package report

import (
	"fmt"
	"io"
)

// Options adjust the rendering.
type Options struct {
	Color      bool // ANSI colour (text only)
	Statistics bool // append counts per rule
	Quiet      bool // findings only: no summary line
}

// Formats lists the names Write accepts.
var Formats = []string{"text", "json", "sarif", "github", "errfmt"}

// Write renders res in format to w.
func Write(w io.Writer, format string, res *Result, opts Options) error {
	return fmt.Errorf("report format %q: not implemented yet", format)
}
