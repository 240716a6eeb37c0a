package transport

import (
	"errors"
	"io/fs"
	"os/exec"

	"github.com/nixaudit/nixaudit/ops/run"
)

// sshFailed is the exit status ssh reserves for its own failures
// (connection refused, timeout, authentication, unknown host key).
const sshFailed = 255

// notFound is the exit status a POSIX shell gives a command it cannot
// find.
const notFound = 127

// UnreachableError is a host ssh could not reach or log in to.
type UnreachableError struct {
	Target string
	// Reason is what ssh said (its last line on stderr).
	Reason string
	Err    error
}

func (e *UnreachableError) Error() string {
	return "cannot reach " + e.Target + ": " + e.Reason
}

func (e *UnreachableError) Unwrap() error { return e.Err }

// IsUnreachable reports whether err says the host could not be reached.
func IsUnreachable(err error) bool {
	var u *UnreachableError
	return errors.As(err, &u)
}

// IsNotFound reports whether err says the command's program does not
// exist on the host: exec's lookup error locally, exit status 127 from
// the remote shell over ssh.
func IsNotFound(err error) bool {
	if errors.Is(err, exec.ErrNotFound) || errors.Is(err, fs.ErrNotExist) {
		return true
	}
	var re *run.Error
	return errors.As(err, &re) && re.ExitCode == notFound
}
