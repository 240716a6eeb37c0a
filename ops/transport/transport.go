package transport

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/nixaudit/nixaudit/ops/run"
)

// Local is the target naming this machine.
const Local = "local"

// Transport runs commands on one host.
type Transport interface {
	// Run runs argv on the host. A failure is an error from run (with the
	// command's stderr); see IsUnreachable and IsNotFound to tell the
	// host's absence and a missing tool from a command that failed.
	Run(ctx context.Context, argv []string) (*run.Result, error)
	// StoreURI is the Nix store URI `nix copy --to` copies closures to;
	// "" when the host's store is this machine's.
	StoreURI() string
	// String names the host's target for messages.
	String() string
}

// Options configure the transports.
type Options struct {
	// ConnectTimeout bounds ssh's connection setup (default 10s).
	ConnectTimeout time.Duration
	// SSHOptions are extra ssh arguments placed before the destination.
	// New takes them from NIX_SSHOPTS when nil, the variable `nix copy`
	// honours too, so both reach a host the same way.
	SSHOptions []string
}

// DefaultConnectTimeout is ssh's connect timeout when none is set.
const DefaultConnectTimeout = 10 * time.Second

// New returns the transport for target: this machine for "local", ssh to
// target (a destination such as "root@web1" or an ssh_config alias)
// otherwise. Commands run through r.
func New(r run.Interface, target string, opts Options) (Transport, error) {
	if target == Local {
		return &localHost{runner: r}, nil
	}
	if target == "" || strings.HasPrefix(target, "-") || strings.ContainsAny(target, " \t\n") {
		return nil, fmt.Errorf("invalid ssh target %q", target)
	}
	if opts.ConnectTimeout <= 0 {
		opts.ConnectTimeout = DefaultConnectTimeout
	}
	if opts.SSHOptions == nil {
		opts.SSHOptions = strings.Fields(os.Getenv("NIX_SSHOPTS"))
	}
	return &sshHost{runner: r, dest: target, opts: opts}, nil
}

// localHost runs commands on this machine.
type localHost struct{ runner run.Interface }

func (l *localHost) Run(ctx context.Context, argv []string) (*run.Result, error) {
	if len(argv) == 0 {
		return nil, errors.New("empty command")
	}
	return l.runner.Run(ctx, run.Cmd{Name: argv[0], Args: argv[1:]})
}

func (l *localHost) StoreURI() string { return "" }
func (l *localHost) String() string   { return Local }

// sshHost runs commands through ssh.
type sshHost struct {
	runner run.Interface
	dest   string
	opts   Options
	// control are the connection sharing options of a Pool's transport.
	control []string
}

// baseArgs are ssh's options: the user's, then batch mode, the connect
// timeout and connection sharing.
func (s *sshHost) baseArgs() []string {
	args := append([]string(nil), s.opts.SSHOptions...)
	args = append(args,
		"-o", "BatchMode=yes",
		"-o", fmt.Sprintf("ConnectTimeout=%d", int(s.opts.ConnectTimeout.Round(time.Second)/time.Second)))
	return append(args, s.control...)
}

// args returns ssh's arguments that run argv on the host.
func (s *sshHost) args(argv []string) []string {
	return append(s.baseArgs(), "-T", "--", s.dest, run.QuoteCommand(argv))
}

func (s *sshHost) Run(ctx context.Context, argv []string) (*run.Result, error) {
	if len(argv) == 0 {
		return nil, errors.New("empty command")
	}
	res, err := s.runner.Run(ctx, run.Cmd{Name: "ssh", Args: s.args(argv)})
	var re *run.Error
	if errors.As(err, &re) && re.ExitCode == sshFailed {
		return res, &UnreachableError{Target: s.dest, Reason: lastLine(re.Stderr), Err: err}
	}
	return res, err
}

func (s *sshHost) StoreURI() string { return "ssh://" + s.dest }
func (s *sshHost) String() string   { return s.dest }

// lastLine is the last non-empty line of b, or "ssh failed".
func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if l := strings.TrimSpace(lines[len(lines)-1]); l != "" {
		return l
	}
	return "ssh failed"
}
