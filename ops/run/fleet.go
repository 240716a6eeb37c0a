package run

import (
	"context"
	"fmt"
	"sort"

	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// Hosts returns the names of the flake's nixosConfigurations in dir,
// sorted.
func (n *Nix) Hosts(ctx context.Context, dir string) ([]string, error) {
	var hosts []string
	if err := n.EvalJSON(ctx, dir, ".#nixosConfigurations", "builtins.attrNames", &hosts); err != nil {
		return nil, err
	}
	sort.Strings(hosts)
	return hosts, nil
}

// Toplevel is the installable of a host's system closure in the flake in
// the working directory.
func Toplevel(host string) string {
	return ".#nixosConfigurations." + scope.QuoteName(host) + ".config.system.build.toplevel"
}

// ToplevelPaths evaluates (without building) the system paths of every
// host of the flake in dir, so a caller can tell later which hosts a
// change affects.
func (n *Nix) ToplevelPaths(ctx context.Context, dir string) (map[string]string, error) {
	paths := map[string]string{}
	apply := "cs: builtins.mapAttrs (name: c: c.config.system.build.toplevel.outPath) cs"
	if err := n.EvalJSON(ctx, dir, ".#nixosConfigurations", apply, &paths); err != nil {
		return nil, err
	}
	return paths, nil
}

// HostBuild is the outcome of building one host's toplevel.
type HostBuild struct {
	Host    string
	OutPath string // "" when the build failed
	Err     error
}

// BuildToplevels builds each host's toplevel in dir, at most parallel at
// a time (at least 1), streaming progress labelled with the host name.
// The results are in the order of hosts; a failed build does not stop
// the others.
func (n *Nix) BuildToplevels(ctx context.Context, dir string, hosts []string, parallel int) []HostBuild {
	results := make([]HostBuild, len(hosts))
	Each(len(hosts), parallel, func(i int) {
		h := hosts[i]
		results[i] = HostBuild{Host: h}
		built, err := n.Build(ctx, dir, h, Toplevel(h))
		switch {
		case err != nil:
			results[i].Err = err
		case len(built) != 1 || built[0].Outputs["out"] == "":
			results[i].Err = fmt.Errorf("building %s: nix reported %d results without an out path", h, len(built))
		default:
			results[i].OutPath = built[0].Outputs["out"]
		}
	})
	return results
}
