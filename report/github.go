package report

import (
	"fmt"
	"io"
	"strings"
)

// writeGitHub prints GitHub Actions workflow commands, which annotate the
// pull request diff.
func writeGitHub(w io.Writer, res *Result, opts Options) error {
	for _, d := range res.Diagnostics {
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubCommand(d.Severity), escapeProperty(d.File), d.Line, d.Column, d.EndLine, d.EndColumn,
			escapeProperty(d.Rule), escapeData(d.Message))
		if err != nil {
			return err
		}
	}
	if opts.Statistics {
		return writeStatistics(w, res)
	}
	return nil
}

func githubCommand(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// escapeData and escapeProperty follow the escaping of the Actions
// toolkit (@actions/core), so messages with newlines, commas or colons
// survive.
func escapeData(s string) string { return dataEscaper.Replace(s) }

func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// The escapers are made once: a Replacer builds its tables on first use,
// which costs more than escaping a message.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)
