package nixmatch

import "strings"

// IsDynamic reports whether a name of an option path is a computed key
// (${name}, "kimai-${host}"), which only the "*" wildcard matches.
func IsDynamic(name string) bool { return strings.Contains(name, "${") }

// Match reports whether path is matched by pattern, a dotted option path
// in which "*" matches any one name (users.users.*.password).
func Match(path []string, pattern string) bool {
	n, ok := matchPrefix(path, pattern)
	return ok && n == len(path)
}

// MatchPrefix reports whether path begins with names matched by pattern.
func MatchPrefix(path []string, pattern string) bool {
	_, ok := matchPrefix(path, pattern)
	return ok
}

// MatchPrefixNames is MatchPrefix for a pattern already split into
// names, for rules that hold tables of paths.
func MatchPrefixNames(path, pattern []string) bool {
	if len(path) < len(pattern) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && (p != path[i] || IsDynamic(path[i])) {
			return false
		}
	}
	return true
}

// matchPrefix reports whether path begins with names matched by pattern
// and how many names the pattern has. It walks the pattern in place:
// rules match every definition of a file against their patterns, so
// splitting them each time would allocate on the hottest path.
func matchPrefix(path []string, pattern string) (int, bool) {
	for i, rest := 0, pattern; ; i++ {
		p := rest
		end := strings.IndexByte(rest, '.')
		if end >= 0 {
			p, rest = rest[:end], rest[end+1:]
		}
		if i == len(path) || p != "*" && (p != path[i] || IsDynamic(path[i])) {
			return 0, false
		}
		if end < 0 {
			return i + 1, true
		}
	}
}

// firstName returns the first name of pattern, which most paths a
// pattern is tried on differ in: Find and Under compare it before
// walking the pattern.
func firstName(pattern string) string {
	if i := strings.IndexByte(pattern, '.'); i >= 0 {
		return pattern[:i]
	}
	return pattern
}

// Find returns the definitions whose path matches pattern exactly.
func Find(defs []OptionDef, pattern string) []OptionDef {
	var out []OptionDef
	first := firstName(pattern)
	for _, d := range defs {
		if len(d.Path) > 0 && (first == "*" || d.Path[0] == first) && Match(d.Path, pattern) {
			out = append(out, d)
		}
	}
	return out
}

// Under returns the definitions of pattern and of everything below it:
// Under(defs, "systemd.services.*") holds every definition that
// contributes to some service, however its paths were split.
func Under(defs []OptionDef, pattern string) []OptionDef {
	var out []OptionDef
	first := firstName(pattern)
	for _, d := range defs {
		if len(d.Path) > 0 && (first == "*" || d.Path[0] == first) && MatchPrefix(d.Path, pattern) {
			out = append(out, d)
		}
	}
	return out
}

// Group splits defs by the first n names of their paths, in order of
// first appearance: Group(Under(defs, "systemd.services.*"), 3) gives the
// definitions of each service.
func Group(defs []OptionDef, n int) [][]OptionDef {
	var groups [][]OptionDef
	index := map[string]int{}
	for _, d := range defs {
		if len(d.Path) < n {
			continue
		}
		k := strings.Join(d.Path[:n], "\x00")
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], d)
	}
	return groups
}
