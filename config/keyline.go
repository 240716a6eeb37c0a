package config

import (
	"bytes"
	"strings"
)

// keyLine returns the 1-based line where the key path key is written in
// the TOML text src, or 0 when it cannot be found. The TOML decoder does
// not expose key positions, so this follows table headers and dotted keys
// line by line; it is only used to point error messages at a line.
func keyLine(src []byte, key []string) int {
	var table []string
	bestLine, bestLen := 0, 0
	multiline := "" // the delimiter of an open multi-line string
	for i, raw := range bytes.Split(src, []byte("\n")) {
		line := strings.TrimSpace(string(raw))
		if multiline != "" {
			if strings.Count(line, multiline)%2 == 1 {
				multiline = ""
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		var full []string
		if line[0] == '[' {
			inner := strings.TrimLeft(line, "[")
			keys, _, ok := parseKeyPath(inner)
			if !ok {
				continue
			}
			table, full = keys, keys
		} else {
			keys, rest, ok := parseKeyPath(line)
			if !ok || !strings.HasPrefix(rest, "=") {
				continue
			}
			full = append(append([]string(nil), table...), keys...)
			for _, delim := range []string{`"""`, `'''`} {
				if strings.Count(rest, delim)%2 == 1 {
					multiline = delim
				}
			}
		}
		switch {
		case hasPrefix(full, key):
			return i + 1
		case hasPrefix(key, full) && len(full) > bestLen:
			bestLine, bestLen = i+1, len(full)
		}
	}
	return bestLine
}

// hasPrefix reports whether path starts with prefix.
func hasPrefix(path, prefix []string) bool {
	if len(prefix) > len(path) {
		return false
	}
	for i, p := range prefix {
		if path[i] != p {
			return false
		}
	}
	return true
}

// parseKeyPath reads a dotted TOML key (bare, "quoted" or 'literal'
// parts) from the start of s and returns its parts and the rest of s
// with leading space removed.
func parseKeyPath(s string) (parts []string, rest string, ok bool) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return nil, "", false
		}
		var part string
		switch s[0] {
		case '"', '\'':
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return nil, "", false
			}
			part, s = s[1:1+end], s[2+end:]
		default:
			n := 0
			for n < len(s) && isBareKeyChar(s[n]) {
				n++
			}
			if n == 0 {
				return nil, "", false
			}
			part, s = s[:n], s[n:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return parts, s, true
		}
		s = s[1:]
	}
}

func isBareKeyChar(c byte) bool {
	return c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
