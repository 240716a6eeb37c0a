package gate

import (
	"errors"
	"fmt"
)

// Exit codes of the operations (the same as the CLI's).
const (
	ExitOK        = 0
	ExitUnhealthy = 1 // health only
	ExitUsage     = 2 // usage, configuration or I/O error
	ExitGate      = 3 // refused by the audit gate; nothing changed
	ExitFailed    = 4 // the operation failed (what was restored is said)
)

// RefusedError is the gate refusing: blocking findings were printed and
// nothing was changed.
type RefusedError struct{ Audit Audit }

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refused by the audit gate: %s", plural(e.Audit.Blocking, "blocking finding"))
}

// FailedError is an operation that failed after it started changing
// things. Restored says what was put back (e.g. "flake.lock restored"),
// so the message tells the user the state they are left in.
type FailedError struct {
	Err      error
	Restored string
}

func (e *FailedError) Error() string {
	if e.Restored == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + "\n" + e.Restored
}

func (e *FailedError) Unwrap() error { return e.Err }

// Failed wraps err as an operation failure (exit 4); restored says what
// was put back, "" when nothing needed to be.
func Failed(err error, restored string) error {
	return &FailedError{Err: err, Restored: restored}
}

// UsageError is a usage, configuration or I/O problem found before
// anything was changed (exit 2).
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usage returns a formatted *UsageError.
func Usage(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// ExitCode maps an operation's error to its exit code: 0 for nil, 3 for
// a refusal, 4 for a failure, 2 for anything else (usage, configuration,
// I/O: the operation did not start).
func ExitCode(err error) int {
	var refused *RefusedError
	var failed *FailedError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &refused):
		return ExitGate
	case errors.As(err, &failed):
		return ExitFailed
	}
	return ExitUsage
}
