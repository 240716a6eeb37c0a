package update

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
)

// Env is what an update runs with; the CLI fills it from the process,
// tests substitute their own pieces.
type Env struct {
	Runner run.Interface
	// Stdout receives the report, Stderr the messages (gate refusal,
	// current revisions, skipped audit).
	Stdout, Stderr io.Writer
	// Now is the clock ages are computed against (nil: time.Now).
	Now func() time.Time
	// Rules is the gate's registry (nil: every rule, as `nixaudit check`).
	Rules []*analyzer.Rule
	// HTTP is the client for the GitHub API (nil: http.DefaultClient).
	HTTP *http.Client
}

func (e *Env) now() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Common are the options both updates take.
type Common struct {
	// Dir is the flake's directory.
	Dir  string
	Gate gate.Flags
	// AllowDirty permits uncommitted changes to tracked files.
	AllowDirty bool
	// Commit commits the change; PR commits it too, pushes it to a new
	// branch of Remote and opens a pull request with gh.
	Commit, PR bool
	Remote     string
}

// session is the state every update sets up before changing anything:
// the configuration, nix, the gate's verdict and the git work tree.
type session struct {
	env   *Env
	cfg   *config.Config
	nix   *run.Nix
	audit gate.Audit
	repo  *repo
	dir   string // absolute flake directory
}

// start loads the configuration, runs the gate, and checks the work
// tree: the steps both updates take before touching anything. ignore
// names the file (relative to dir; "" for none) whose uncommitted
// changes are tolerated.
func start(ctx context.Context, env *Env, c Common, ignore string) (*session, error) {
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return nil, gate.Usage("%v", err)
	}
	if st, err := os.Stat(filepath.Join(dir, "flake.nix")); err != nil || st.IsDir() {
		return nil, gate.Usage("%s: no flake.nix", c.Dir)
	}
	// The same spelling as git's top level, so paths relative to it work.
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		return nil, gate.Usage("%v", err)
	}
	cfg, err := config.Open(dir, c.Gate.ConfigPath)
	if err != nil {
		return nil, &gate.UsageError{Err: err}
	}
	gopts := c.Gate.Options(c.Dir)
	gopts.Rules = env.Rules
	audit, err := gate.Check(ctx, gopts, env.Stderr)
	if err != nil {
		return nil, err
	}
	s := &session{env: env, cfg: cfg, nix: run.NewNix(env.Runner, cfg.Nix.Options), audit: audit, dir: dir}
	if s.repo, err = openRepo(ctx, env.Runner, dir); err != nil {
		return nil, err
	}
	if c.PR {
		if err := s.repo.checkGH(ctx); err != nil {
			return nil, err
		}
	}
	if !c.AllowDirty {
		if ignore != "" {
			ignore = filepath.Join(dir, ignore)
		}
		if err := s.repo.requireClean(ctx, ignore); err != nil {
			return nil, err
		}
	}
	return s, nil
}
