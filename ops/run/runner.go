package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// Cmd is one command to run.
type Cmd struct {
	// Name is the tool (looked up with the Runner's LookPath unless it
	// contains a slash) and Args its arguments, passed as they are.
	Name string
	Args []string
	// Dir is the working directory ("" = the current one).
	Dir string
	// Env is added to the Runner's environment (KEY=VALUE).
	Env []string
	// Stdin, when set, is the command's standard input.
	Stdin io.Reader
	// Label, when set and the Runner has a Progress writer, streams each
	// stderr line there prefixed with "Label: ".
	Label string
}

// String renders the command line for messages, quoting arguments that
// need it so the line can be pasted into a shell to reproduce a failure.
func (c Cmd) String() string {
	parts := make([]string, 0, 1+len(c.Args))
	for _, a := range append([]string{c.Name}, c.Args...) {
		parts = append(parts, Quote(a))
	}
	return strings.Join(parts, " ")
}

// Result is what a finished command printed.
type Result struct {
	Stdout []byte
	// Stderr is the command's standard error (its last MaxStderr bytes).
	Stderr []byte
}

// Interface is what the operations need from a Runner; tests may
// substitute their own.
type Interface interface {
	Run(ctx context.Context, c Cmd) (*Result, error)
}

// MaxStderr bounds the stderr kept per command: enough for Nix's error
// traces, not a whole build log.
const MaxStderr = 1 << 20

// CancelGrace is how long a cancelled command may take to exit after
// its interrupt before it is killed.
const CancelGrace = 5 * time.Second

// Runner runs commands. The zero value runs tools found on $PATH with the
// process's environment.
type Runner struct {
	// LookPath resolves a tool name to a path; nil means exec.LookPath.
	LookPath func(name string) (string, error)
	// Env replaces the process environment when non-nil; each Cmd's Env
	// is added to it.
	Env []string
	// Progress, when non-nil, receives the stderr lines of commands that
	// have a Label (set it to a terminal only).
	Progress io.Writer

	progressMu sync.Mutex
}

// Run runs c and waits for it. A command that cannot start or exits
// non-zero returns an *Error with the captured stderr; the Result is
// returned in both cases. Cancelling ctx kills the command.
func (r *Runner) Run(ctx context.Context, c Cmd) (*Result, error) {
	path, err := r.lookPath(c.Name)
	if err != nil {
		return &Result{}, &Error{Cmd: c, ExitCode: -1, Err: err}
	}
	cmd := exec.CommandContext(ctx, path, c.Args...)
	// On cancellation, interrupt first (Nix then stops its builds and
	// releases its locks) and kill only if that is ignored.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = CancelGrace
	cmd.Dir = c.Dir
	cmd.Env = r.environ(c.Env)
	cmd.Stdin = c.Stdin
	var stdout bytes.Buffer
	stderr := &tailBuffer{max: MaxStderr}
	cmd.Stdout = &stdout
	var lines *lineWriter
	if r.Progress != nil && c.Label != "" {
		lines = &lineWriter{emit: func(line string) { r.progress(c.Label, line) }}
		cmd.Stderr = io.MultiWriter(stderr, lines)
	} else {
		cmd.Stderr = stderr
	}
	err = cmd.Run()
	if lines != nil {
		lines.flush()
	}
	res := &Result{Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	if err != nil {
		e := &Error{Cmd: c, ExitCode: -1, Stderr: res.Stderr, Err: err}
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			e.ExitCode = exit.ExitCode()
		}
		if ctx.Err() != nil {
			e.Err = ctx.Err()
		}
		return res, e
	}
	return res, nil
}

// Output runs c and returns its stdout.
func Output(ctx context.Context, r Interface, c Cmd) ([]byte, error) {
	res, err := r.Run(ctx, c)
	if res == nil {
		return nil, err
	}
	return res.Stdout, err
}

func (r *Runner) lookPath(name string) (string, error) {
	if strings.Contains(name, "/") {
		return name, nil
	}
	if r.LookPath != nil {
		return r.LookPath(name)
	}
	return exec.LookPath(name)
}

func (r *Runner) environ(extra []string) []string {
	if r.Env == nil && len(extra) == 0 {
		return nil // exec's default: the process environment
	}
	base := r.Env
	if base == nil {
		base = os.Environ()
	}
	return append(append([]string(nil), base...), extra...)
}

// progress writes one streamed line; lines of parallel commands are not
// interleaved mid-line.
func (r *Runner) progress(label, line string) {
	r.progressMu.Lock()
	defer r.progressMu.Unlock()
	fmt.Fprintf(r.Progress, "%s: %s\n", label, line)
}

// tailBuffer keeps the last max bytes written to it.
type tailBuffer struct {
	max int
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) Bytes() []byte { return t.buf }

// lineWriter calls emit for each complete line written to it; Nix's
// carriage-return progress updates count as line ends.
type lineWriter struct {
	emit    func(string)
	partial []byte
}

func (l *lineWriter) Write(p []byte) (int, error) {
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexAny(l.partial, "\r\n")
		if i < 0 {
			return len(p), nil
		}
		if line := strings.TrimSpace(string(l.partial[:i])); line != "" {
			l.emit(line)
		}
		l.partial = l.partial[i+1:]
	}
}

func (l *lineWriter) flush() {
	if line := strings.TrimSpace(string(l.partial)); line != "" {
		l.emit(line)
	}
	l.partial = nil
}

// Quote returns s quoted for a POSIX shell when it needs quoting. It is
// used for messages and for commands given to a remote shell (ssh joins
// its arguments into one string that the remote shell parses). Only words
// of letters, digits and @%+:,./_- stay bare: a word starting with '#'
// would begin a comment and a first word "a=b" an assignment.
func Quote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+:,./_-") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// QuoteCommand joins args into one command line for a remote shell, each
// argument quoted with Quote.
func QuoteCommand(args []string) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = Quote(a)
	}
	return strings.Join(parts, " ")
}
