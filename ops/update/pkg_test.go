package update

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
)

// sri is the SRI sha256 of data: what Nix must report for a flat
// fetchurl of a file with that content.
func sri(data string) string {
	sum := sha256.Sum256([]byte(data))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// Source tarballs (plain files: the fixture's builder reads one line)
// served from file:// URLs. 3.0 makes the package's build fail; 4.0 does
// not exist, so its fetch fails.
var sources = map[string]string{
	"1.0": "hello 1.0\n",
	"2.0": "hello 2.0\n",
	"3.0": "hello broken\n",
}

// pkgFixture is a git repository holding testdata/ops/update/package
// with hello at 1.0.
type pkgFixture struct {
	dir, file string
	orig      []byte // pkgs/hello.nix as committed
}

func newPkgFixture(t *testing.T) *pkgFixture {
	t.Helper()
	root := worldReadableDir(t)
	srcDir := filepath.Join(root, "src")
	if err := os.Mkdir(srcDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for v, content := range sources {
		if err := os.WriteFile(filepath.Join(srcDir, "hello-"+v+".tar"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f := &pkgFixture{dir: filepath.Join(root, "repo")}
	f.file = filepath.Join(f.dir, "pkgs", "hello.nix")
	if err := os.Mkdir(f.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	command(t, f.dir, nil, "git", "init", "--quiet")
	copyFixture(t, "package", f.dir, map[string]string{"@SYSTEM@": nixSystem(t), "@SRC@": srcDir})
	command(t, f.dir, nil, "git", "add", "-A")
	command(t, f.dir, nil, "nix", "--extra-experimental-features", "nix-command flakes", "flake", "lock")
	gitCommitAll(t, f.dir, "hello 1.0", day("2024-01-01"))
	f.orig = f.read(t)
	if !strings.Contains(string(f.orig), `hash = "`+sri(sources["1.0"])+`";`) {
		t.Fatalf("pkgs/hello.nix does not hold the hash of the 1.0 source, %s", sri(sources["1.0"]))
	}
	return f
}

func (f *pkgFixture) read(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(f.file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func pkgOpts(dir, version string) PackageOptions {
	return PackageOptions{Common: Common{Dir: dir, Gate: gate.Flags{Format: gate.Text}}, Attr: "hello", Version: version}
}

func TestUpdatePackageChangesOnlyVersionAndHash(t *testing.T) {
	f := newPkgFixture(t)
	opts := pkgOpts(f.dir, "2.0")
	opts.Commit = true
	env, out := newEnv(nil)
	if err := UpdatePackage(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	// Exactly two spots change; every other "1.0" (comments, the
	// protocol's version, passthru) stays.
	want := strings.Replace(string(f.orig), "  version = \"1.0\";", "  version = \"2.0\";", 1)
	want = strings.Replace(want, sri(sources["1.0"]), sri(sources["2.0"]), 1)
	if got := string(f.read(t)); got != want {
		t.Errorf("pkgs/hello.nix:\n%s\nwant:\n%s", got, want)
	}
	if n := strings.Count(want, `"1.0"`); n != 4 {
		t.Fatalf("fixture has %d other \"1.0\" strings, want 4", n)
	}
	head := command(t, f.dir, nil, "git", "rev-parse", "HEAD")
	if msg := command(t, f.dir, nil, "git", "log", "-1", "--format=%B"); msg != "hello: 1.0 -> 2.0" {
		t.Errorf("commit message %q", msg)
	}
	if files := command(t, f.dir, nil, "git", "show", "--format=", "--name-only", "HEAD"); files != "pkgs/hello.nix" {
		t.Errorf("commit changes %q", files)
	}
	report := out.stdout.String()
	outPath := report[strings.Index(report, "built: ")+len("built: "):]
	outPath = outPath[:strings.Index(outPath, "\n")]
	wantReport := "hello: 1.0 → 2.0 (pkgs/hello.nix)\n  hash: " + sri(sources["1.0"]) + " → " + sri(sources["2.0"]) +
		"\n  built: " + outPath + "\nCommitted " + head[:12] + ".\n"
	if report != wantReport {
		t.Errorf("report:\n%s\nwant:\n%s", report, wantReport)
	}
	if data, err := os.ReadFile(outPath); err != nil || string(data) != "hello 2.0\n" {
		t.Errorf("built package = %q, %v", data, err)
	}
}

func TestUpdatePackageBuildFailureRestoresFile(t *testing.T) {
	f := newPkgFixture(t)
	env, _ := newEnv(nil)
	err := UpdatePackage(context.Background(), env, pkgOpts(f.dir, "3.0"))
	if gate.ExitCode(err) != gate.ExitFailed {
		t.Fatalf("err = %v, want exit 4", err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "building hello 3.0: ") || !strings.Contains(msg, "broken source") ||
		!strings.HasSuffix(msg, "\n"+f.file+" was restored to its previous content.") {
		t.Errorf("error:\n%s", msg)
	}
	if !bytes.Equal(f.read(t), f.orig) {
		t.Errorf("file not restored:\n%s", f.read(t))
	}
}

func TestUpdatePackageFetchFailureRestoresFile(t *testing.T) {
	f := newPkgFixture(t)
	env, _ := newEnv(nil)
	err := UpdatePackage(context.Background(), env, pkgOpts(f.dir, "4.0"))
	if gate.ExitCode(err) != gate.ExitFailed {
		t.Fatalf("err = %v, want exit 4", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "fetching the source of hello 4.0: nix did not report a hash mismatch") ||
		!strings.HasSuffix(msg, " was restored to its previous content.") {
		t.Errorf("error:\n%s", msg)
	}
	if !bytes.Equal(f.read(t), f.orig) {
		t.Errorf("file not restored:\n%s", f.read(t))
	}
}

func TestUpdatePackageVersionFromGitHub(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v3/repos/acme/hello/releases/latest" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(`{"tag_name": "v2.0", "name": "Hello 2.0"}`))
	}))
	defer srv.Close()
	f := newPkgFixture(t)
	config := "[update]\ngithub-api = \"" + srv.URL + "/api/v3\"\n[nix]\noptions = [\"--option\", \"substituters\", \"\"]\n"
	if err := os.WriteFile(filepath.Join(f.dir, ".nixaudit.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	gitCommitAll(t, f.dir, "config", day("2024-01-02"))
	opts := pkgOpts(f.dir, "")
	opts.VersionFrom = "github:acme/hello"
	opts.File = f.file
	opts.Gate.Format = gate.JSON
	rec := &recorder{runner: &run.Runner{}}
	env, out := newEnv(rec)
	if err := UpdatePackage(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	// Every nix command got the flake features and the configured options.
	nixCalls := 0
	for _, c := range rec.cmds {
		if c.Name != "nix" || len(c.Args) == 1 && c.Args[0] == "--version" {
			continue
		}
		nixCalls++
		if want := []string{"--extra-experimental-features", "nix-command flakes", "--option", "substituters", ""}; !reflect.DeepEqual(c.Args[:5], want) {
			t.Errorf("%s: want it to start with %q", c, want)
		}
	}
	if nixCalls != 4 { // version, meta.position, src with the fake hash, the package
		t.Errorf("%d nix commands, want 4", nixCalls)
	}
	if !strings.Contains(string(f.read(t)), "  version = \"2.0\";\n") {
		t.Errorf("version not set to the release's:\n%s", f.read(t))
	}
	if got := out.stderr.String(); !strings.Contains(got, "nixaudit: latest release of acme/hello: 2.0\n") {
		t.Errorf("stderr = %q", got)
	}
	if !strings.Contains(out.stdout.String(), `"new": {`+"\n"+`    "version": "2.0",`+"\n"+`    "hash": "`+sri(sources["2.0"])+`"`) {
		t.Errorf("JSON:\n%s", out.stdout.String())
	}

	opts.VersionFrom = "github:acme/missing"
	opts.AllowDirty = true
	if err := UpdatePackage(context.Background(), env, opts); gate.ExitCode(err) != gate.ExitUsage ||
		!strings.Contains(err.Error(), "latest release of acme/missing: GET "+srv.URL+"/api/v3/repos/acme/missing/releases/latest: 404 Not Found") {
		t.Errorf("missing repository: %v", err)
	}
}

// recorder runs commands through runner and records them.
type recorder struct {
	runner run.Interface
	mu     sync.Mutex
	cmds   []run.Cmd
}

func (r *recorder) Run(ctx context.Context, c run.Cmd) (*run.Result, error) {
	r.mu.Lock()
	r.cmds = append(r.cmds, c)
	r.mu.Unlock()
	return r.runner.Run(ctx, c)
}

func TestUpdatePackageUsage(t *testing.T) {
	f := newPkgFixture(t)
	env, _ := newEnv(nil)
	for _, tc := range []struct {
		opts PackageOptions
		want string
	}{
		{pkgOpts(f.dir, ""), "give the new version with exactly one of --version or --version-from"},
		{pkgOpts(f.dir, "1.0"), "hello is already at version 1.0"},
	} {
		err := UpdatePackage(context.Background(), env, tc.opts)
		if gate.ExitCode(err) != gate.ExitUsage || err.Error() != tc.want {
			t.Errorf("err = %v, want %q", err, tc.want)
		}
	}
	if !bytes.Equal(f.read(t), f.orig) {
		t.Error("a refused update changed the file")
	}
}
