package health

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nixaudit/nixaudit/ops/run"
)

// stdout is a result's output, nil-safe (a command that did not start
// has no result).
func stdout(res *run.Result) []byte {
	if res == nil {
		return nil
	}
	return res.Stdout
}

// errorDetail is a one-line description of a failed command for a
// check's detail: its exit status and the last line it printed on stderr.
func errorDetail(err error) string {
	if err == nil {
		return "no output"
	}
	var re *run.Error
	if !errors.As(err, &re) {
		return err.Error()
	}
	var b strings.Builder
	if re.ExitCode >= 0 {
		fmt.Fprintf(&b, "exit status %d", re.ExitCode)
	} else {
		b.WriteString(re.Err.Error())
	}
	if line := lastLine(string(re.Stderr)); line != "" {
		b.WriteString(": " + line)
	}
	return b.String()
}

// lastLine is the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
