package printer

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
	"github.com/nixaudit/nixaudit/nixparse/scope"
)

// pathParts returns the parts of a path literal as Nix 2.8 builds them:
// the first token made absolute (against Options.Dir, or Options.Home for
// ~), then the literal runs after interpolations as strings.
func (p *printer) pathParts(x *ast.PathExpr) ([]item, bool) {
	segs := p.segments(x.ValuePos, x.EndPos, x.Parts)
	if len(segs) == 0 || segs[0].interp != nil {
		p.fail(x.Pos(), "path literal without a literal start")
		return []item{{text: `""`}}, false
	}
	first := segs[0].text
	if len(segs) == 1 {
		return []item{{text: p.resolve(x.Kind, first)}}, false
	}
	n := pathTokenLen(first, x.Kind)
	items := []item{{text: p.resolve(x.Kind, first[:n])}}
	items = appendPathStrings(items, first[n:])
	for _, seg := range segs[1:] {
		if seg.interp != nil {
			items = append(items, item{e: seg.interp.X})
		} else {
			items = appendPathStrings(items, seg.text)
		}
	}
	return items, true
}

// resolve makes a path token absolute as Nix 2.8 does: home paths are
// $HOME plus the rest, taken literally; other paths are canonicalised
// against the file's directory, keeping a trailing slash.
func (p *printer) resolve(kind ast.PathKind, tok string) string {
	if kind == ast.PathHome {
		return p.opts.Home + tok[1:]
	}
	abs := tok
	if kind != ast.PathAbsolute {
		abs = p.opts.Dir + "/" + tok
	}
	abs = path.Clean(abs)
	if len(tok) > 1 && strings.HasSuffix(tok, "/") && abs != "/" {
		abs += "/"
	}
	return abs
}

// pathTokenLen returns the length of the first token of an interpolated
// path's leading run: Nix's PATH (or HPATH) longest match, which may leave
// text for further STR tokens.
func pathTokenLen(s string, kind ast.PathKind) int {
	start := 0
	if kind == ast.PathHome {
		start = 1 // ~
	}
	if n := matchPath(s[start:]); n > 0 {
		return start + n
	}
	return len(s) // a PATH_SEG (or ~/) right before ${
}

// appendPathStrings adds the STR tokens Nix 2.8's lexer makes of a literal
// run inside a path: longest matches of PATH, PATH_SEG or PATH_CHAR+.
func appendPathStrings(items []item, s string) []item {
	for s != "" {
		n := max(matchPath(s), matchSeg(s), matchChars(s))
		if n == 0 {
			n = len(s)
		}
		items = append(items, item{text: scope.QuoteString(s[:n])})
		s = s[n:]
	}
	return items
}

func isPathChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '-' || c == '+'
}

// matchChars matches PATH_CHAR+.
func matchChars(s string) int {
	i := 0
	for i < len(s) && isPathChar(s[i]) {
		i++
	}
	return i
}

// matchSeg matches PATH_SEG: PATH_CHAR* "/".
func matchSeg(s string) int {
	i := matchChars(s)
	if i < len(s) && s[i] == '/' {
		return i + 1
	}
	return 0
}

// matchPath matches PATH: PATH_CHAR* ("/" PATH_CHAR+)+ "/"?.
func matchPath(s string) int {
	i := matchChars(s)
	groups := 0
	for i < len(s) && s[i] == '/' {
		n := matchChars(s[i+1:])
		if n == 0 {
			break
		}
		i += 1 + n
		groups++
	}
	if groups == 0 {
		return 0
	}
	if i < len(s) && s[i] == '/' {
		i++
	}
	return i
}

// BaseDir returns the directory Nix resolves the relative paths of file
// against: the directory of its absolute path after following symbolic
// links to the file itself (Nix's resolveExprPath), and the file Nix
// parses (default.nix when file is a directory).
func BaseDir(file string) (dir, parsed string, err error) {
	p, err := filepath.Abs(file)
	if err != nil {
		return "", "", err
	}
	for range 64 {
		fi, err := os.Lstat(p)
		if err != nil {
			return "", "", err
		}
		if fi.Mode()&os.ModeSymlink == 0 {
			if fi.IsDir() {
				p = filepath.Join(p, "default.nix")
			}
			break
		}
		target, err := os.Readlink(p)
		if err != nil {
			return "", "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		p = filepath.Clean(target)
	}
	return filepath.Dir(p), p, nil
}
