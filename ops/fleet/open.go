package fleet

import (
	"context"
	"path/filepath"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
	"github.com/nixaudit/nixaudit/ops/transport"
)

// Session is what health, deploy and rollback set up first: the
// configuration, nix with its options, and the fleet.
type Session struct {
	Config *config.Config
	Nix    *run.Nix
	Fleet  *Fleet
	pool   *transport.Pool
}

// Open loads the configuration (configPath, else the .nixaudit.toml found
// upward from dir, else the defaults) and the fleet of the flake in dir.
// Its errors are usage errors: nothing has started.
func Open(ctx context.Context, r run.Interface, dir, configPath string) (*Session, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, gate.Usage("%v", err)
	}
	cfg, err := config.Open(abs, configPath)
	if err != nil {
		return nil, &gate.UsageError{Err: err}
	}
	nix := run.NewNix(r, cfg.Nix.Options)
	f, err := Load(ctx, nix, abs, cfg)
	if err != nil {
		return nil, &gate.UsageError{Err: err}
	}
	pool, err := transport.NewPool(r, transport.Options{})
	if err != nil {
		return nil, err
	}
	return &Session{Config: cfg, Nix: nix, Fleet: f, pool: pool}, nil
}

// Connect returns the transport reaching h; ssh connections to a host
// are shared until Close.
func (s *Session) Connect(h Host) (transport.Transport, error) {
	return s.pool.Get(h.Target)
}

// Close ends the session's shared ssh connections.
func (s *Session) Close() error { return s.pool.Close() }

// Select is Fleet.Select with its error as a usage error.
func (s *Session) Select(on []string, all bool) ([]Host, error) {
	hosts, err := s.Fleet.Select(on, all)
	if err != nil {
		return nil, &gate.UsageError{Err: err}
	}
	return hosts, nil
}
