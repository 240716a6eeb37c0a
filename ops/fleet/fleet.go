package fleet

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/nixaudit/nixaudit/config"
	"github.com/nixaudit/nixaudit/nixparse/scope"
	"github.com/nixaudit/nixaudit/ops/run"
)

// Fleet is a flake's hosts.
type Fleet struct {
	// Flake is the flake reference the hosts' toplevels are built from
	// (an absolute directory for a local flake).
	Flake string
	// Hosts are sorted by name.
	Hosts []Host
}

// Load lists the nixosConfigurations of the flake in dir with nix and
// merges each with its settings from cfg.
func Load(ctx context.Context, nix *run.Nix, dir string, cfg *config.Config) (*Fleet, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	if err := nix.EvalJSON(ctx, "", abs+"#nixosConfigurations", "builtins.attrNames", &names); err != nil {
		return nil, fmt.Errorf("listing the flake's nixosConfigurations: %w", err)
	}
	return New(abs, names, cfg)
}

// New returns the fleet of the named hosts of flake with their settings
// from cfg. A [hosts.NAME] that names no host, and invalid settings, are
// errors at their configuration line.
func New(flake string, names []string, cfg *config.Config) (*Fleet, error) {
	f := &Fleet{Flake: flake}
	known := map[string]bool{}
	for _, name := range names {
		known[name] = true
		h, err := newHost(name, cfg.Hosts[name], cfg)
		if err != nil {
			return nil, err
		}
		f.Hosts = append(f.Hosts, h)
	}
	for name := range cfg.Hosts {
		if !known[name] {
			return nil, cfg.Errorf([]string{"hosts", name}, "[hosts.%s]: the flake has no nixosConfigurations.%s", name, name)
		}
	}
	sort.Slice(f.Hosts, func(i, j int) bool { return f.Hosts[i].Name < f.Hosts[j].Name })
	return f, nil
}

// Host returns the host named name, or nil.
func (f *Fleet) Host(name string) *Host {
	for i := range f.Hosts {
		if f.Hosts[i].Name == name {
			return &f.Hosts[i]
		}
	}
	return nil
}

// Toplevel is the installable of the host's system: its
// config.system.build.toplevel.
func (f *Fleet) Toplevel(name string) string {
	return f.Flake + "#nixosConfigurations." + scope.QuoteName(name) + ".config.system.build.toplevel"
}

// ErrNoHosts is returned when the flake has no nixosConfigurations.
var ErrNoHosts = errors.New("the flake has no nixosConfigurations")
