package transport

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/nixaudit/nixaudit/ops/run"
)

// Pool hands out transports whose ssh commands to one host share a
// single connection (ssh's connection multiplexing, with the control
// sockets in a private temporary directory, one per target): a health check or a deploy
// runs many short commands per host, and each would otherwise pay a full
// ssh handshake. Close ends the shared connections.
type Pool struct {
	runner run.Interface
	opts   Options
	dir    string

	mu   sync.Mutex
	used map[string]*sshHost
}

// controlPersist is how long an idle shared connection stays open when
// Close is never called (the process was killed).
const controlPersist = 60 * time.Second

// NewPool returns a pool running commands through r.
func NewPool(r run.Interface, opts Options) (*Pool, error) {
	// A control socket's path must fit in a sockaddr_un (107 bytes):
	// $TMPDIR, "/nixaudit-ssh-" and 10 digits, "/", the host's number
	// and ssh's 17-character temporary suffix. ssh fails on a longer one,
	// so a long $TMPDIR is not used.
	base := os.TempDir()
	if len(base) > 60 {
		base = "/tmp"
	}
	dir, err := os.MkdirTemp(base, "nixaudit-ssh-")
	if err != nil {
		return nil, err
	}
	return &Pool{runner: r, opts: opts, dir: dir, used: map[string]*sshHost{}}, nil
}

// Get returns the transport for target (see New).
func (p *Pool) Get(target string) (Transport, error) {
	t, err := New(p.runner, target, p.opts)
	if err != nil {
		return nil, err
	}
	s, ok := t.(*sshHost)
	if !ok {
		return t, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if shared, ok := p.used[target]; ok {
		return shared, nil
	}
	s.control = []string{
		"-o", "ControlMaster=auto",
		"-o", "ControlPath=" + filepath.Join(p.dir, strconv.Itoa(len(p.used))),
		"-o", "ControlPersist=" + controlPersist.String(),
	}
	p.used[target] = s
	return s, nil
}

// Close ends the shared connections and removes their sockets.
func (p *Pool) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, s := range p.used {
		// Fails harmlessly when no master was started.
		_, _ = p.runner.Run(ctx, run.Cmd{Name: "ssh", Args: append(s.baseArgs(), "-O", "exit", "--", s.dest)})
	}
	p.used = map[string]*sshHost{}
	return os.RemoveAll(p.dir)
}
