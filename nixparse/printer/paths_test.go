package printer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// TestBaseDir checks Nix's resolution of the file it parses: symbolic
// links to the file are followed (relative paths then resolve against the
// target's directory), a directory means its default.nix.
func TestBaseDir(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"real", "links", "pkg"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"real/a.nix", "pkg/default.nix"} {
		if err := os.WriteFile(filepath.Join(root, f), []byte("1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// links/b.nix -> ../real/a.nix; links/c.nix -> b.nix (a chain).
	if err := os.Symlink("../real/a.nix", filepath.Join(root, "links/b.nix")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("b.nix", filepath.Join(root, "links/c.nix")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ file, dir, parsed string }{
		{"real/a.nix", "real", "real/a.nix"},
		{"links/c.nix", "real", "real/a.nix"},
		{"pkg", "pkg", "pkg/default.nix"},
	} {
		dir, parsed, err := BaseDir(filepath.Join(root, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		if dir != filepath.Join(root, tt.dir) || parsed != filepath.Join(root, tt.parsed) {
			t.Errorf("BaseDir(%s) = %s, %s; want %s, %s", tt.file, dir, parsed, tt.dir, tt.parsed)
		}
	}
	if _, _, err := BaseDir(filepath.Join(root, "missing.nix")); err == nil {
		t.Error("BaseDir of a missing file succeeded")
	}
}

// TestResolvePaths checks path literals against Nix 2.8's rules without
// running Nix (the conformance corpus runs it): canonicalisation of
// relative and absolute paths, home paths taken literally, the trailing
// slash kept before an interpolation.
func TestResolvePaths(t *testing.T) {
	p := &printer{opts: Options{Dir: "/base/dir", Home: "/home/u"}}
	for _, tt := range []struct {
		kind      ast.PathKind
		tok, want string
	}{
		{ast.PathRelative, "./a/../b", "/base/dir/b"},
		{ast.PathRelative, "../../../x", "/x"},
		{ast.PathRelative, "./", "/base/dir/"},
		{ast.PathRelative, "a/b/", "/base/dir/a/b/"},
		{ast.PathAbsolute, "/a/./b//c", "/a/b/c"},
		{ast.PathAbsolute, "/", "/"},
		{ast.PathHome, "~/a/../b", "/home/u/a/../b"},
		{ast.PathHome, "~/", "/home/u/"},
	} {
		if got := p.resolve(tt.kind, tt.tok); got != tt.want {
			t.Errorf("resolve(%s) = %s, want %s", tt.tok, got, tt.want)
		}
	}
}
