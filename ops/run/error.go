package run

import (
	"fmt"
	"strings"
)

// ErrorLines is how many of the last stderr lines an Error message shows.
const ErrorLines = 15

// Error is a command that failed to start or exited non-zero.
type Error struct {
	Cmd Cmd
	// ExitCode is the exit status, or -1 when the command did not start or
	// was killed.
	ExitCode int
	// Stderr is what the command printed on stderr (its tail).
	Stderr []byte
	// Err is the underlying error (exec's, or the context's when the run
	// was cancelled).
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Cmd.String())
	if e.Cmd.Dir != "" {
		fmt.Fprintf(&b, " (in %s)", e.Cmd.Dir)
	}
	if e.ExitCode >= 0 {
		fmt.Fprintf(&b, ": exit status %d", e.ExitCode)
	} else {
		fmt.Fprintf(&b, ": %v", e.Err)
	}
	if tail := LastLines(string(e.Stderr), ErrorLines); tail != "" {
		b.WriteString(":\n")
		b.WriteString(tail)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// LastLines returns the last n non-empty lines of s, each indented by
// two spaces, without a final newline.
func LastLines(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r", "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, "  "+strings.TrimRight(l, " \t"))
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
