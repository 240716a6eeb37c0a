package analyzer

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// pattern is one gitignore-style pattern. The same syntax serves
// .gitignore files, .git/info/exclude, the configuration's exclude list
// and --exclude: a pattern without a slash matches a name at any depth,
// one with a slash is anchored at its base directory, "**" spans
// directories, a trailing "/" matches directories only and a leading "!"
// re-includes.
type pattern struct {
	re      *regexp.Regexp
	negate  bool
	dirOnly bool
	// literal is set for a pattern without wildcards (most are, such as
	// "result" or "/vendor"): it is matched by comparing strings, as the
	// walk asks about every entry of every directory.
	literal  string
	anchored bool
	// prefix and suffix are literal texts every path re matches starts
	// and ends with: most paths fail on them, without running re.
	prefix, suffix string
}

// ignoreList is the patterns of one source, matched against paths
// relative to base (an absolute directory).
type ignoreList struct {
	base     string
	patterns []pattern
}

// ignorer decides which paths discovery skips. Lists are ordered from the
// least to the most specific; the last matching pattern wins, as in git.
type ignorer struct {
	lists []*ignoreList
}

// compilePattern translates a gitignore-style pattern. ok is false for
// blank lines and comments.
func compilePattern(p string) (pat pattern, ok bool, err error) {
	p = strings.TrimRight(p, "\r")
	if !strings.HasSuffix(p, `\ `) {
		p = strings.TrimRight(p, " ")
	}
	if p == "" || p[0] == '#' {
		return pattern{}, false, nil
	}
	if p[0] == '!' {
		pat.negate, p = true, p[1:]
	} else if strings.HasPrefix(p, `\!`) || strings.HasPrefix(p, `\#`) {
		p = p[1:]
	}
	if strings.HasSuffix(p, "/") {
		pat.dirOnly, p = true, strings.TrimRight(p, "/")
	}
	if p == "" {
		return pattern{}, false, nil
	}
	anchored := strings.Contains(p, "/")
	p = strings.TrimPrefix(p, "/")
	if !strings.ContainsAny(p, `*?[\`) {
		pat.literal, pat.anchored = p, anchored
		return pat, true, nil
	}
	var re strings.Builder
	if anchored {
		re.WriteString("^")
	} else {
		re.WriteString("^(?:.*/)?")
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case strings.HasPrefix(p[i:], "**/"):
			re.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(p[i:], "/**") && i+3 == len(p):
			re.WriteString("/.*")
			i += 2
		case strings.HasPrefix(p[i:], "**"):
			re.WriteString(".*")
			i++
		case c == '*':
			re.WriteString("[^/]*")
		case c == '?':
			re.WriteString("[^/]")
		case c == '[':
			end := strings.IndexByte(p[i+1:], ']')
			if end < 0 {
				re.WriteString(`\[`)
				continue
			}
			class := p[i+1 : i+1+end]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			re.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += end + 1
		case c == '\\' && i+1 < len(p):
			i++
			re.WriteString(regexp.QuoteMeta(p[i : i+1]))
		default:
			re.WriteString(regexp.QuoteMeta(p[i : i+1]))
		}
	}
	re.WriteString("$")
	pat.re, err = regexp.Compile(re.String())
	if err != nil {
		return pattern{}, false, err
	}
	// re starts with ^, so a literal prefix of it starts the path; the
	// last element's literal end ends it ("**/" may stand for nothing,
	// so the suffix holds no slash).
	pat.prefix, _ = pat.re.LiteralPrefix()
	pat.suffix = p[len(strings.TrimRightFunc(p, func(c rune) bool { return !strings.ContainsRune(`*?[]\/`, c) })):]
	return pat, true, nil
}

// newIgnoreList compiles patterns relative to base.
func newIgnoreList(base string, patterns []string) (*ignoreList, error) {
	l := &ignoreList{base: base}
	for _, p := range patterns {
		pat, ok, err := compilePattern(p)
		if err != nil {
			return nil, err
		}
		if ok {
			l.patterns = append(l.patterns, pat)
		}
	}
	return l, nil
}

// readIgnoreFile reads a .gitignore-format file; a missing file is an
// empty list (nil).
func readIgnoreFile(base, path string) (*ignoreList, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, os.ErrPermission) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	l, err := newIgnoreList(base, lines)
	if err != nil {
		return nil, &os.PathError{Op: "parse", Path: path, Err: err}
	}
	return l, nil
}

// with returns an ignorer that also applies l (more specific than the
// current lists). A nil l leaves the ignorer as it is.
func (ig *ignorer) with(l *ignoreList) *ignorer {
	if l == nil || len(l.patterns) == 0 {
		return ig
	}
	lists := make([]*ignoreList, len(ig.lists), len(ig.lists)+1)
	copy(lists, ig.lists)
	return &ignorer{lists: append(lists, l)}
}

// ignored reports whether the absolute path abs (clean, as the walk
// makes them) is excluded.
func (ig *ignorer) ignored(abs string, isDir bool) bool {
	ignored := false
	for _, l := range ig.lists {
		rel, ok := relativeTo(l.base, abs)
		if !ok {
			continue
		}
		rel = filepath.ToSlash(rel)
		for _, p := range l.patterns {
			if p.dirOnly && !isDir {
				continue
			}
			if p.matches(rel) {
				ignored = !p.negate
			}
		}
	}
	return ignored
}

// relativeTo returns abs relative to base, both clean and absolute; ok
// is false unless abs lies inside base. (filepath.Rel does more work, for
// paths that are neither.)
func relativeTo(base, abs string) (rel string, ok bool) {
	if !strings.HasPrefix(abs, base) || len(abs) == len(base) {
		return "", false
	}
	rest := abs[len(base):]
	if strings.HasSuffix(base, string(filepath.Separator)) { // the root
		return rest, true
	}
	if rest[0] != filepath.Separator {
		return "", false
	}
	return rest[1:], true
}

// matches reports whether the slash-separated path rel, relative to the
// pattern's base, matches.
func (p *pattern) matches(rel string) bool {
	if p.re != nil {
		return strings.HasPrefix(rel, p.prefix) && strings.HasSuffix(rel, p.suffix) && p.re.MatchString(rel)
	}
	if rel == p.literal {
		return true
	}
	// Unanchored, the pattern matches the last elements at any depth.
	return !p.anchored && len(rel) > len(p.literal) && rel[len(rel)-len(p.literal)-1] == '/' && strings.HasSuffix(rel, p.literal)
}
