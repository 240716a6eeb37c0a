package update

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// testdata is where the fixtures live (see its README.md).
const testdata = "../../testdata/ops/update"

// worldReadableDir returns a new temporary directory that Nix's build
// users can read (t.TempDir makes it, and its parent, private).
func worldReadableDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// nixSystem is this machine's Nix system, written into the fixtures'
// flakes (pure evaluation has no builtins.currentSystem).
func nixSystem(t *testing.T) string {
	switch runtime.GOARCH {
	case "amd64":
		return "x86_64-linux"
	case "arm64":
		return "aarch64-linux"
	}
	t.Fatalf("no Nix system known for %s", runtime.GOARCH)
	return ""
}

// command runs name args in dir (with extra environment) and returns its
// trimmed stdout, failing the test on error.
func command(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

// gitCommitAll commits everything in dir at the given date (which
// becomes the lastModified Nix records for the commit).
func gitCommitAll(t *testing.T, dir, message string, date time.Time) string {
	t.Helper()
	stamp := date.UTC().Format(time.RFC3339)
	env := []string{"GIT_AUTHOR_DATE=" + stamp, "GIT_COMMITTER_DATE=" + stamp}
	command(t, dir, nil, "git", "add", "-A")
	command(t, dir, env, "git", "commit", "--quiet", "--message", message)
	return command(t, dir, nil, "git", "rev-parse", "HEAD")
}

// copyFixture copies testdata/name into dir, replacing each key of subst
// by its value in every file.
func copyFixture(t *testing.T, name, dir string, subst map[string]string) {
	t.Helper()
	src := filepath.Join(testdata, name)
	err := filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dir, rel)
		if info.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(data)
		for k, v := range subst {
			text = strings.ReplaceAll(text, k, v)
		}
		return os.WriteFile(to, []byte(text), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// day is a fixed UTC date.
func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// flakeFixture is a git repository holding testdata/ops/update/flake,
// locked to dep-v1 (committed 2024-01-01) and other (2023-06-01).
type flakeFixture struct {
	dir             string // the flake's repository
	dep             string // the dep input's repository
	depV1, otherRev string
	lock            []byte // flake.lock as committed
}

func newFlakeFixture(t *testing.T) *flakeFixture {
	t.Helper()
	root := worldReadableDir(t)
	f := &flakeFixture{dir: filepath.Join(root, "flake"), dep: filepath.Join(root, "dep")}
	other := filepath.Join(root, "other")
	for _, d := range []string{f.dir, f.dep, other} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		command(t, d, nil, "git", "init", "--quiet")
	}
	copyFixture(t, "dep-v1", f.dep, nil)
	f.depV1 = gitCommitAll(t, f.dep, "dep v1", day("2024-01-01"))
	copyFixture(t, "other", other, nil)
	f.otherRev = gitCommitAll(t, other, "other", day("2023-06-01"))
	copyFixture(t, "flake", f.dir, map[string]string{"@DEP@": f.dep, "@OTHER@": other, "@SYSTEM@": nixSystem(t)})
	command(t, f.dir, nil, "git", "add", "-A")
	command(t, f.dir, nil, "nix", "--extra-experimental-features", "nix-command flakes", "flake", "lock")
	gitCommitAll(t, f.dir, "flake", day("2024-01-02"))
	f.lock = f.readLock(t)
	return f
}

// moveDep commits the content of testdata/ops/update/<version> into
// the dep input at date and returns the new revision.
func (f *flakeFixture) moveDep(t *testing.T, version string, date time.Time) string {
	t.Helper()
	copyFixture(t, version, f.dep, nil)
	return gitCommitAll(t, f.dep, version, date)
}

func (f *flakeFixture) readLock(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(f.dir, "flake.lock"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
