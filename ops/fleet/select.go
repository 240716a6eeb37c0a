package fleet

import (
	"fmt"
	"path"
	"strings"
)

// Select returns the hosts named by on, comma-separated entries each a
// host name, @tag or glob (path.Match syntax), in the order given (the
// hosts an entry matches in name order; a host named twice is kept at its
// first place). Without on it returns the only host, or every host when
// all is set; several hosts need --on or --all, so that a bare command
// never acts on a whole fleet by accident.
func (f *Fleet) Select(on []string, all bool) ([]Host, error) {
	if len(f.Hosts) == 0 {
		return nil, ErrNoHosts
	}
	var entries []string
	for _, o := range on {
		for _, e := range strings.Split(o, ",") {
			if e = strings.TrimSpace(e); e != "" {
				entries = append(entries, e)
			}
		}
	}
	if len(entries) == 0 {
		if len(f.Hosts) > 1 && !all {
			return nil, fmt.Errorf("the flake has %d hosts (%s): choose with --on NAME,@tag,glob or pass --all", len(f.Hosts), f.names())
		}
		return f.Hosts, nil
	}
	if all {
		return nil, fmt.Errorf("--on and --all exclude each other")
	}
	var sel []Host
	seen := map[string]bool{}
	for _, e := range entries {
		matched, err := f.match(e)
		if err != nil {
			return nil, err
		}
		for _, h := range matched {
			if !seen[h.Name] {
				seen[h.Name] = true
				sel = append(sel, h)
			}
		}
	}
	return sel, nil
}

// match returns the hosts one --on entry names; matching none is an error.
func (f *Fleet) match(entry string) ([]Host, error) {
	var hosts []Host
	for _, h := range f.Hosts {
		ok := false
		switch {
		case strings.HasPrefix(entry, "@"):
			ok = h.hasTag(entry[1:])
		default:
			m, err := path.Match(entry, h.Name)
			if err != nil {
				return nil, fmt.Errorf("--on %s: %v", entry, err)
			}
			ok = m
		}
		if ok {
			hosts = append(hosts, h)
		}
	}
	if len(hosts) == 0 {
		return nil, fmt.Errorf("--on %s: no such host (hosts: %s)", entry, f.names())
	}
	return hosts, nil
}

func (f *Fleet) names() string {
	names := make([]string, len(f.Hosts))
	for i, h := range f.Hosts {
		names[i] = h.Name
	}
	return strings.Join(names, ", ")
}
