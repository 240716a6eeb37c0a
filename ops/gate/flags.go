package gate

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/pflag"
)

// Format is an operation's output format.
type Format string

// The output formats every operation supports.
const (
	Text     Format = "text"
	JSON     Format = "json"
	Markdown Format = "markdown"
)

// Formats lists the formats, for help texts and errors.
var Formats = []Format{Text, JSON, Markdown}

// Render writes an operation's report in format f: JSON is v itself,
// indented; text and markdown come from the report's own writers.
func Render(w io.Writer, f Format, v any, text, markdown func(io.Writer) error) error {
	switch f {
	case JSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case Markdown:
		return markdown(w)
	}
	return text(w)
}

// String, Set and Type make *Format a pflag.Value, so a bad --format is
// a usage error naming the accepted values.
func (f *Format) String() string { return string(*f) }

func (f *Format) Set(s string) error {
	for _, v := range Formats {
		if string(v) == s {
			*f = v
			return nil
		}
	}
	return fmt.Errorf("want one of %s", formatList())
}

func (f *Format) Type() string { return "format" }

func formatList() string {
	names := make([]string, len(Formats))
	for i, v := range Formats {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}

// Flags are the flags every operation takes.
type Flags struct {
	Format     Format
	ConfigPath string
	SkipAudit  bool
	Reason     string
}

// Register adds --format, --config, --skip-audit and --reason to fs.
func (f *Flags) Register(fs *pflag.FlagSet) {
	f.Format = Text
	fs.Var(&f.Format, "format", "output format: "+formatList())
	fs.StringVar(&f.ConfigPath, "config", "", "use this `.nixaudit.toml` instead of searching upward from the flake")
	fs.BoolVar(&f.SkipAudit, "skip-audit", false, "do not run the audit gate (needs --reason)")
	fs.StringVar(&f.Reason, "reason", "", "why the audit gate is skipped (printed, and recorded in the JSON output)")
}

// Options returns the gate options for the flake in dir.
func (f *Flags) Options(dir string) Options {
	return Options{Dir: dir, ConfigPath: f.ConfigPath, SkipAudit: f.SkipAudit, Reason: f.Reason}
}

// Progress returns w when it is a terminal and nil otherwise: progress
// lines are for people watching, never for logs or pipes.
func Progress(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		return w
	}
	return nil
}
