package report

import (
	"fmt"
	"io"
)

// writeErrfmt prints one line per finding, the form editors' quickfix
// lists parse: file:line:col: severity: message [rule].
func writeErrfmt(w io.Writer, res *Result, opts Options) error {
	for _, d := range res.Diagnostics {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", d.File, d.Line, d.Column, d.Severity, d.Message, d.Rule); err != nil {
			return err
		}
	}
	if opts.Statistics {
		return writeStatistics(w, res)
	}
	return nil
}
