package transport

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/nixaudit/nixaudit/ops/run"
)

// Pool hands out transports whose ssh commands to one host share a
// single connection (ssh's connection multiplexing, with the control
// sockets in a private temporary directory): a health check or a deploy
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
	dir, err := os.MkdirTemp("", "nixaudit-ssh-")
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
	s.control = []string{
		"-o", "ControlMaster=auto",
		"-o", "ControlPath=" + filepath.Join(p.dir, "%C"),
		"-o", "ControlPersist=" + controlPersist.String(),
	}
	p.mu.Lock()
	p.used[target] = s
	p.mu.Unlock()
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
