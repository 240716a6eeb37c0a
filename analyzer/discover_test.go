package analyzer

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeTree creates files (path -> content) under root; a content of
// "->TARGET" makes a symlink.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(root, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(content, "->"); ok {
			if err := os.Symlink(target, full); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func names(srcs []source) []string {
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = s.name
	}
	return out
}

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		".git/info/exclude":     "secret.nix\n",
		".git/hooks/x.nix":      "",
		".gitignore":            "# generated\nbuild/\n*.gen.nix\n!keep.gen.nix\n",
		"a.nix":                 "",
		"secret.nix":            "",
		"x.gen.nix":             "",
		"keep.gen.nix":          "",
		"notes.txt":             "",
		"build/b.nix":           "",
		"sub/.gitignore":        "local.nix\n/anchored.nix\n",
		"sub/local.nix":         "",
		"sub/anchored.nix":      "",
		"sub/deep/anchored.nix": "",
		"sub/c.nix":             "",
		"sub/y.gen.nix":         "",
		"out/x.nix":             "",
		"result":                "->out",
		"result-man.nix":        "->a.nix",
		"link.nix":              "->a.nix",
		"dirlink":               "->sub",
		"vendor/v.nix":          "",
		"vendor/keep/w.nix":     "",
	})
	exclude := &ignorer{}
	l, err := newIgnoreList(root, []string{"vendor/**"})
	if err != nil {
		t.Fatal(err)
	}
	exclude = exclude.with(l)

	got, _, err := discover([]string{root}, "-", exclude)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range []string{"a.nix", "keep.gen.nix", "link.nix", "out/x.nix", "sub/c.nix", "sub/deep/anchored.nix"} {
		want = append(want, filepath.Join(root, p))
	}
	if !reflect.DeepEqual(names(got), want) {
		t.Errorf("discover(root) =\n%q\nwant\n%q", names(got), want)
	}

	// Targets inside the tree get the .gitignore files above them; names
	// are reported as given; explicit files skip .gitignore but not the
	// excludes; "-" is stdin; duplicates are dropped.
	t.Chdir(root)
	got, skipped, err := discover([]string{"sub", "build/b.nix", "./a.nix", "a.nix", "vendor/keep/w.nix", "-", "sub/.gitignore"}, "stdin.nix", exclude)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(skipped, []string{"sub/.gitignore"}) {
		t.Errorf("skipped = %q, want the explicit file that is not a .nix file", skipped)
	}
	want = []string{"a.nix", "build/b.nix", "stdin.nix", "sub/c.nix", "sub/deep/anchored.nix"}
	if !reflect.DeepEqual(names(got), want) {
		t.Errorf("discover(sub, …) = %q, want %q", names(got), want)
	}
	if got[2].path != "" || got[0].path != "a.nix" {
		t.Errorf("paths: stdin %q, a.nix %q", got[2].path, got[0].path)
	}

	if _, _, err := discover([]string{"missing.nix"}, "-", exclude); err == nil || err.Error() != "missing.nix: no such file or directory" {
		t.Errorf("missing path: err = %v", err)
	}
}

func TestRelativeTo(t *testing.T) {
	sep := string(filepath.Separator)
	root := filepath.VolumeName(os.TempDir()) + sep
	base := filepath.Join(root, "a", "b")
	for _, tc := range []struct {
		abs, rel string
		ok       bool
	}{
		{filepath.Join(base, "c"), "c", true},
		{filepath.Join(base, "c", "d"), filepath.Join("c", "d"), true},
		{base, "", false},
		{base + "c", "", false},
		{filepath.Join(root, "a"), "", false},
	} {
		if rel, ok := relativeTo(base, tc.abs); rel != tc.rel || ok != tc.ok {
			t.Errorf("relativeTo(%q, %q) = %q, %v, want %q, %v", base, tc.abs, rel, ok, tc.rel, tc.ok)
		}
	}
	if rel, ok := relativeTo(root, filepath.Join(root, "x")); rel != "x" || !ok {
		t.Errorf("relativeTo(%q, …x) = %q, %v", root, rel, ok)
	}
}

func TestCompilePattern(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		path    string
		dir     bool
		want    bool
	}{
		{"*.nix", "a.nix", false, true},
		{"*.nix", "x/y/a.nix", false, true},
		{"/a.nix", "x/a.nix", false, false},
		{"x/*.nix", "x/a.nix", false, true},
		{"x/*.nix", "x/y/a.nix", false, false},
		{"x/**/a.nix", "x/a.nix", false, true},
		{"x/**/a.nix", "x/y/z/a.nix", false, true},
		{"**/a.nix", "x/a.nix", false, true},
		{"x/**", "x/y/z", false, true},
		{"x/**", "x", true, false},
		{"build/", "build", true, true},
		{"build/", "build", false, false},
		{"a?.nix", "ab.nix", false, true},
		{"a?.nix", "a/.nix", false, false},
		{"[ab].nix", "b.nix", false, true},
		{"[!ab].nix", "b.nix", false, false},
		{`\#x`, "#x", false, true},
		{"a.nix  ", "a.nix", false, true},
		{"a.nix", "x/y/a.nix", false, true},
		{"a.nix", "x/ya.nix", false, false},
		{"a.nix", "a.nix/b", false, false},
		{"/a.nix", "a.nix", false, true},
		{"x/a.nix", "x/a.nix", false, true},
		{"x/a.nix", "y/x/a.nix", false, false},
		{"/x/", "x", true, true},
	} {
		p, ok, err := compilePattern(tc.pattern)
		if err != nil || !ok {
			t.Fatalf("compilePattern(%q) = %v, %v", tc.pattern, ok, err)
		}
		got := p.matches(tc.path) && (!p.dirOnly || tc.dir)
		if got != tc.want {
			t.Errorf("%q matches %q (dir %v) = %v, want %v (re %v, literal %q)", tc.pattern, tc.path, tc.dir, got, tc.want, p.re, p.literal)
		}
	}
	// The literal prefix and suffix only spare running the expression:
	// a pattern matches what its expression alone matches.
	paths := []string{"", "a", "a.nix", "x/a.nix", "x/y/a.nix", "result", "result-2", "x/result", "ab.nix", "b.nix",
		"#x", "x", "x/y", "x/y/z", "build", "a.nix/b", "tests/flake.lock", "abc.nix.bak", `a*b`, "a b"}
	for _, pattern := range []string{"*.nix", "/result*", "x/*.nix", "x/**/a.nix", "**/a.nix", "x/**", "a?.nix",
		"[ab].nix", "[!ab].nix", `\#x*`, "*.nix.bak", "/x/y*z", `a\*b`, `a\ b`, "[a]*", "*[x]"} {
		p, ok, err := compilePattern(pattern)
		if err != nil || !ok || p.re == nil {
			t.Fatalf("compilePattern(%q) = %+v, %v, %v", pattern, p, ok, err)
		}
		for _, path := range paths {
			if got, want := p.matches(path), p.re.MatchString(path); got != want {
				t.Errorf("%q (prefix %q, suffix %q) matches %q = %v, its expression %v", pattern, p.prefix, p.suffix, path, got, want)
			}
		}
	}
	for _, blank := range []string{"", "   ", "# comment", "!"} {
		if _, ok, _ := compilePattern(blank); ok {
			t.Errorf("compilePattern(%q) is a pattern", blank)
		}
	}
}

// In a linked worktree (git worktree add) and in a submodule, .git is a
// file pointing at the git directory; the exclude file is in the common
// directory the worktree's git directory names.
func TestDiscoverGitFile(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"worktree", map[string]string{
			"repo/.git/info/exclude":           "excluded.nix\n",
			"repo/.git/worktrees/wt/HEAD":      "ref: refs/heads/main\n",
			"repo/.git/worktrees/wt/commondir": "../..\n",
			"wt/.git":                          "gitdir: ../repo/.git/worktrees/wt\n",
		}},
		{"submodule", map[string]string{
			"repo/.git/modules/wt/info/exclude": "excluded.nix\n",
			"repo/wt/.git":                      "gitdir: ../.git/modules/wt\n",
		}},
		{"dangling", map[string]string{
			"wt/.git": "gitdir: /nonexistent/worktrees/wt\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			writeTree(t, root, tc.files)
			wt := filepath.Join(root, "wt")
			if tc.name == "submodule" {
				wt = filepath.Join(root, "repo", "wt")
			}
			writeTree(t, wt, map[string]string{"a.nix": "", "excluded.nix": ""})
			srcs, _, err := discover([]string{wt}, "", &ignorer{})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{filepath.Join(wt, "a.nix")}
			if tc.name == "dangling" {
				want = append(want, filepath.Join(wt, "excluded.nix"))
			}
			if got := names(srcs); !reflect.DeepEqual(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestDiscoverReads checks that a walk asked to read gives each file it
// finds in a directory with its content (symlinks followed), and leaves
// explicit files to the caller. Into the zero textArena, which a run that
// fixes files uses, it reads the files' permission bits too; into chunks,
// it reads files of any size (a large one fills a chunk's room).
func TestDiscoverReads(t *testing.T) {
	root := t.TempDir()
	large := strings.Repeat("# more than a chunk holds\n", 2*textChunkSize/26) + "{ }\n"
	files := map[string]string{"a.nix": "{ a = 1; }\n", "sub/b.nix": "", "sub/c.nix": "let x = 2; in x\n", "sub/link.nix": "->c.nix",
		"sub/large.nix": large, "explicit.nix": "3\n"}
	writeTree(t, root, files)
	if err := os.Chmod(filepath.Join(root, "sub", "c.nix"), 0o640); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	want := map[string]string{"sub/b.nix": "", "sub/c.nix": files["sub/c.nix"], "sub/link.nix": files["sub/c.nix"], "sub/large.nix": large}
	wantPerm := map[string]fs.FileMode{"sub/b.nix": 0o644, "sub/c.nix": 0o640, "sub/link.nix": 0o640, "sub/large.nix": 0o644}
	for _, texts := range []*textArena{{}, newTextArena()} {
		var got []source
		if _, err := discoverEach([]string{"sub", "a.nix", "explicit.nix"}, "-", &ignorer{}, texts, func(s source) { got = append(got, s) }); err != nil {
			t.Fatal(err)
		}
		if len(got) != 6 {
			t.Fatalf("found %d files, want 6: %v", len(got), names(got))
		}
		for _, s := range got {
			text, walked := want[s.name]
			perm := wantPerm[s.name]
			if texts.chunked() {
				perm = 0
			}
			switch {
			case !walked && s.content != nil:
				t.Errorf("%s, given explicitly, came with content %q; want it left to the caller", s.name, s.content)
			case walked && (s.content == nil || string(s.content) != text || s.perm != perm):
				t.Errorf("chunked %v: %s: content %.40q (nil: %v), perm %v; want %.40q, %v", texts.chunked(), s.name, s.content, s.content == nil, s.perm, text, perm)
			}
		}
	}
}

func TestJoinEntry(t *testing.T) {
	for _, dir := range []string{".", "", "/", "a", "a/b", "/abs/dir", "../up"} {
		for _, entry := range []string{"x.nix", ".gitignore", "sub"} {
			if got, want := joinEntry(dir, entry), filepath.Join(dir, entry); got != want {
				t.Errorf("joinEntry(%q, %q) = %q, want %q", dir, entry, got, want)
			}
		}
	}
}
