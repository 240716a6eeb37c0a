package update

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
)

// now is the clock of every test: ages are computed against it.
var now = day("2024-06-01")

type testOutput struct{ stdout, stderr bytes.Buffer }

func newEnv(runner run.Interface) (*Env, *testOutput) {
	out := &testOutput{}
	if runner == nil {
		runner = &run.Runner{}
	}
	return &Env{Runner: runner, Stdout: &out.stdout, Stderr: &out.stderr, Now: func() time.Time { return now }}, out
}

func flakeOpts(dir string) FlakeOptions {
	return FlakeOptions{Common: Common{Dir: dir, Gate: gate.Flags{Format: gate.Text}}}
}

func TestUpdateFlakeRefusedByGate(t *testing.T) {
	f := newFlakeFixture(t)
	if err := os.WriteFile(filepath.Join(f.dir, "broken.nix"), []byte("{ a = ; }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitCommitAll(t, f.dir, "a syntax error", day("2024-01-03"))
	f.moveDep(t, "dep-v2", day("2024-03-01"))
	env, out := newEnv(nil)
	err := UpdateFlake(context.Background(), env, flakeOpts(f.dir))
	if code := gate.ExitCode(err); code != gate.ExitGate {
		t.Fatalf("exit code %d (%v), want %d", code, err, gate.ExitGate)
	}
	if !bytes.Equal(f.readLock(t), f.lock) {
		t.Error("flake.lock changed although the gate refused")
	}
	want := "nixaudit: refused: the audit found 1 blocking finding at or above fail-on = error:\n" +
		"  " + filepath.Join(f.dir, "broken.nix") + ":1:7: error[syntax-error] syntax error, unexpected ';'\n" +
		"Nothing was changed. Fix the findings, or override with --skip-audit --reason \"…\".\n"
	if got := out.stderr.String(); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
	if out.stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", out.stdout.String())
	}

	// --skip-audit with a reason goes ahead and records the reason.
	opts := flakeOpts(f.dir)
	opts.Gate.SkipAudit, opts.Gate.Reason, opts.Gate.Format = true, "syntax error is in an unused file", gate.JSON
	env, out = newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	var rep FlakeReport
	if err := json.Unmarshal(out.stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if want := (gate.Audit{Skipped: true, Reason: "syntax error is in an unused file"}); rep.Audit != want {
		t.Errorf("audit = %+v, want %+v", rep.Audit, want)
	}
	if !strings.Contains(out.stderr.String(), "nixaudit: audit skipped: syntax error is in an unused file\n") {
		t.Errorf("stderr = %q", out.stderr.String())
	}
}

func TestUpdateFlakeRefusesDirtyTree(t *testing.T) {
	f := newFlakeFixture(t)
	f.moveDep(t, "dep-v2", day("2024-03-01"))
	flakeNix := filepath.Join(f.dir, "flake.nix")
	data, err := os.ReadFile(flakeNix)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(flakeNix, append(data, "# local edit\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	env, _ := newEnv(nil)
	err = UpdateFlake(context.Background(), env, flakeOpts(f.dir))
	want := "uncommitted changes to tracked files: flake.nix (commit or stash them, or pass --allow-dirty)"
	if gate.ExitCode(err) != gate.ExitUsage || err == nil || err.Error() != want {
		t.Fatalf("err = %v, want usage error %q", err, want)
	}
	if !bytes.Equal(f.readLock(t), f.lock) {
		t.Error("flake.lock changed in a dirty tree")
	}

	opts := flakeOpts(f.dir)
	opts.AllowDirty = true
	env, _ = newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatalf("--allow-dirty: %v", err)
	}
	if bytes.Equal(f.readLock(t), f.lock) {
		t.Error("--allow-dirty did not update flake.lock")
	}
}

func TestUpdateFlakeReportsAndCommits(t *testing.T) {
	f := newFlakeFixture(t)
	depV2 := f.moveDep(t, "dep-v2", day("2024-03-01"))
	// An uncommitted flake.lock change is tolerated: it is what the
	// update rewrites.
	if err := os.WriteFile(filepath.Join(f.dir, "flake.lock"), append(f.lock, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := flakeOpts(f.dir)
	opts.Commit = true
	env, out := newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	head := command(t, f.dir, nil, "git", "rev-parse", "HEAD")
	want := "dep:   " + f.depV1[:7] + " (2024-01-01, 5 months old) → " + depV2[:7] + " (2024-03-01, 3 months old)\n" +
		"other: unchanged at " + f.otherRev[:7] + " (2023-06-01, 12 months old)\n" +
		"Committed " + head[:12] + ".\n"
	if got := out.stdout.String(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	wantErr := "nixaudit: dep is at " + f.depV1[:7] + " (2024-01-01, 5 months old)\n" +
		"nixaudit: other is at " + f.otherRev[:7] + " (2023-06-01, 12 months old)\n"
	if got := out.stderr.String(); got != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, wantErr)
	}
	message := command(t, f.dir, nil, "git", "log", "-1", "--format=%B")
	wantMessage := "flake.lock: Update\n\nFlake lock file updates:\n\n" +
		"• Updated input 'dep': " + f.depV1[:7] + " (2024-01-01) → " + depV2[:7] + " (2024-03-01)"
	if message != wantMessage {
		t.Errorf("commit message:\n%s\nwant:\n%s", message, wantMessage)
	}
	if files := command(t, f.dir, nil, "git", "show", "--format=", "--name-only", "HEAD"); files != "flake.lock" {
		t.Errorf("commit changes %q, want only flake.lock", files)
	}
	if status := command(t, f.dir, nil, "git", "status", "--porcelain"); status != "" {
		t.Errorf("work tree not clean after the commit: %q", status)
	}
	if !strings.Contains(string(f.readLock(t)), depV2) {
		t.Error("flake.lock does not lock dep at its new revision")
	}

	// A second run finds nothing to move and commits nothing.
	env, out = newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.stdout.String(), "No input changed.\n") {
		t.Errorf("second run:\n%s", out.stdout.String())
	}
	if again := command(t, f.dir, nil, "git", "rev-parse", "HEAD"); again != head {
		t.Error("a run without changes made a commit")
	}
}

func TestUpdateFlakeNamedInputJSONAndMarkdown(t *testing.T) {
	f := newFlakeFixture(t)
	depV2 := f.moveDep(t, "dep-v2", day("2024-03-01"))
	opts := flakeOpts(f.dir)
	opts.Inputs = []string{"dep"}
	opts.DryRun = true
	opts.Gate.Format = gate.JSON
	env, out := newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(f.readLock(t), f.lock) {
		t.Error("--dry-run changed flake.lock")
	}
	if status := command(t, f.dir, nil, "git", "status", "--porcelain"); status != "" {
		t.Errorf("--dry-run left changes: %q", status)
	}
	var got map[string]any
	if err := json.Unmarshal(out.stdout.Bytes(), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out.stdout.String())
	}
	want := map[string]any{
		"inputs": []any{map[string]any{
			"name":    "dep",
			"old":     map[string]any{"rev": f.depV1, "nar_hash": narHashOf(t, f.lock, "dep"), "last_modified": float64(day("2024-01-01").Unix())},
			"new":     map[string]any{"rev": depV2, "nar_hash": lockedNarHash(t, f.dep), "last_modified": float64(day("2024-03-01").Unix())},
			"changed": true,
		}},
		"dry_run": true,
		"audit":   map[string]any{"skipped": false, "fail_on": "error", "findings": float64(0), "blocking": float64(0)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON:\n%s\nwant:\n%v", out.stdout.String(), want)
	}

	opts.Gate.Format = gate.Markdown
	env, out = newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	wantMD := "## Flake inputs\n\n| Input | Old | New |\n| --- | --- | --- |\n" +
		"| dep | `" + f.depV1[:7] + "` (2024-01-01, 5 months old) | `" + depV2[:7] + "` (2024-03-01, 3 months old) |\n\n" +
		"Audit passed (fail-on = error, 0 findings below it).\nDry run: the repository was not changed.\n"
	if out.stdout.String() != wantMD {
		t.Errorf("markdown:\n%s\nwant:\n%s", out.stdout.String(), wantMD)
	}
}

// lockedNarHash asks Nix for the narHash of a git repository's HEAD.
func lockedNarHash(t *testing.T, repo string) string {
	t.Helper()
	out := command(t, repo, nil, "nix", "--extra-experimental-features", "nix-command flakes", "flake", "metadata", "--json", "git+file://"+repo)
	var meta struct {
		Locked struct {
			NarHash string `json:"narHash"`
		} `json:"locked"`
	}
	if err := json.Unmarshal([]byte(out), &meta); err != nil {
		t.Fatal(err)
	}
	return meta.Locked.NarHash
}

// narHashOf reads an input's narHash from a lock file's JSON.
func narHashOf(t *testing.T, lock []byte, node string) string {
	t.Helper()
	var l struct {
		Nodes map[string]struct {
			Locked struct {
				NarHash string `json:"narHash"`
			} `json:"locked"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(lock, &l); err != nil {
		t.Fatal(err)
	}
	return l.Nodes[node].Locked.NarHash
}

func TestUpdateFlakeUnknownInput(t *testing.T) {
	f := newFlakeFixture(t)
	opts := flakeOpts(f.dir)
	opts.Inputs = []string{"nixpkgs"}
	env, _ := newEnv(nil)
	err := UpdateFlake(context.Background(), env, opts)
	if gate.ExitCode(err) != gate.ExitUsage || err.Error() != `flake.lock has no input "nixpkgs" (inputs: dep, other)` {
		t.Errorf("err = %v", err)
	}
}

func TestUpdateFlakeBuild(t *testing.T) {
	f := newFlakeFixture(t)
	f.moveDep(t, "dep-v2", day("2024-03-01"))
	opts := flakeOpts(f.dir)
	opts.Build = true
	opts.Gate.Format = gate.JSON
	env, out := newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	var rep FlakeReport
	if err := json.Unmarshal(out.stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Hosts) != 2 {
		t.Fatalf("hosts = %+v", rep.Hosts)
	}
	web1, web2 := rep.Hosts[0], rep.Hosts[1]
	if web1.Name != "web1" || !web1.Changed || web1.OldPath == web1.NewPath || !strings.HasSuffix(web1.NewPath, "-web1") || web1.Error != "" {
		t.Errorf("web1 = %+v, want changed", web1)
	}
	if web2.Name != "web2" || web2.Changed || web2.OldPath != web2.NewPath || web2.Error != "" {
		t.Errorf("web2 = %+v, want unchanged", web2)
	}
	if data, err := os.ReadFile(web1.NewPath); err != nil || string(data) != "dep v2\n" {
		t.Errorf("web1's new system = %q, %v", data, err)
	}
}

func TestUpdateFlakeBuildFailureRestoresLock(t *testing.T) {
	f := newFlakeFixture(t)
	f.moveDep(t, "dep-broken", day("2024-03-01"))
	opts := flakeOpts(f.dir)
	opts.Build = true
	opts.DryRun = true
	env, _ := newEnv(nil)
	err := UpdateFlake(context.Background(), env, opts)
	if want := "build failed for web1\nDry run: the repository was not changed."; gate.ExitCode(err) != gate.ExitFailed || err.Error() != want {
		t.Errorf("dry run: err = %v, want exit 4 and %q", err, want)
	}
	if !bytes.Equal(f.readLock(t), f.lock) {
		t.Error("a dry run changed flake.lock")
	}

	opts.DryRun = false
	opts.Commit = true
	env, out := newEnv(nil)
	err = UpdateFlake(context.Background(), env, opts)
	if gate.ExitCode(err) != gate.ExitFailed {
		t.Fatalf("err = %v, want an operation failure (exit 4)", err)
	}
	if want := "build failed for web1\n" + filepath.Join(f.dir, "flake.lock") + " was restored to its previous content."; err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
	if !bytes.Equal(f.readLock(t), f.lock) {
		t.Error("flake.lock was not restored")
	}
	if log := command(t, f.dir, nil, "git", "log", "--format=%s"); log != "flake" {
		t.Errorf("commits after a failed build: %q", log)
	}
	report := out.stdout.String()
	for _, want := range []string{"hosts:\n  web1: build failed: ", "dep is broken", "\n  web2: unchanged\n"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestUpdateFlakePullRequest(t *testing.T) {
	f := newFlakeFixture(t)
	depV2 := f.moveDep(t, "dep-v2", day("2024-03-01"))
	remote := filepath.Join(worldReadableDir(t), "origin.git")
	command(t, f.dir, nil, "git", "init", "--quiet", "--bare", remote)
	command(t, f.dir, nil, "git", "remote", "add", "origin", remote)
	gh := fakeGH(t, "https://github.com/acme/fleet/pull/7")

	opts := flakeOpts(f.dir)
	opts.PR = true
	env, out := newEnv(nil)
	if err := UpdateFlake(context.Background(), env, opts); err != nil {
		t.Fatal(err)
	}
	branch := "nixaudit/update-flake-lock-20240601-000000"
	body := "Flake lock file updates:\n\n• Updated input 'dep': " + f.depV1[:7] + " (2024-01-01) → " + depV2[:7] + " (2024-03-01)"
	want := [][]string{
		{"--version"},
		{"pr", "create", "--base", "main", "--head", branch, "--title", "flake.lock: Update", "--body", body},
	}
	if got := gh.calls(t); !reflect.DeepEqual(got, want) {
		t.Errorf("gh calls:\n%q\nwant:\n%q", got, want)
	}
	head := command(t, f.dir, nil, "git", "rev-parse", "HEAD")
	if pushed := command(t, remote, nil, "git", "rev-parse", branch); pushed != head {
		t.Errorf("remote %s = %s, want the update commit %s", branch, pushed, head)
	}
	if !strings.HasSuffix(out.stdout.String(), "Pull request: https://github.com/acme/fleet/pull/7\n") {
		t.Errorf("report:\n%s", out.stdout.String())
	}
}

func TestUpdateFlakePullRequestWithoutGH(t *testing.T) {
	f := newFlakeFixture(t)
	f.moveDep(t, "dep-v2", day("2024-03-01"))
	noGH := &run.Runner{LookPath: func(name string) (string, error) {
		if name == "gh" {
			return "", &exec.Error{Name: name, Err: exec.ErrNotFound}
		}
		return exec.LookPath(name)
	}}
	opts := flakeOpts(f.dir)
	opts.PR = true
	env, _ := newEnv(noGH)
	err := UpdateFlake(context.Background(), env, opts)
	want := "--pr needs the GitHub CLI `gh` on PATH (https://cli.github.com/); install it or leave out --pr"
	if gate.ExitCode(err) != gate.ExitUsage || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if !bytes.Equal(f.readLock(t), f.lock) {
		t.Error("flake.lock changed although --pr could not work")
	}
}

// ghRecorder is a fake gh on PATH that records the arguments of each
// call (call-1, call-2, …, arguments NUL-terminated) and prints a pull
// request URL.
type ghRecorder struct{ dir string }

func fakeGH(t *testing.T, url string) *ghRecorder {
	t.Helper()
	g := &ghRecorder{dir: t.TempDir()}
	script := `#!/bin/sh
cd "` + g.dir + `" || exit 1
n=$(cat count 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > count
printf '%s\0' "$@" > "call-$n"
case "$1" in pr) echo "` + url + `";; esac
`
	if err := os.WriteFile(filepath.Join(g.dir, "gh"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", g.dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return g
}

func (g *ghRecorder) calls(t *testing.T) [][]string {
	t.Helper()
	var calls [][]string
	for n := 1; ; n++ {
		data, err := os.ReadFile(filepath.Join(g.dir, fmt.Sprintf("call-%d", n)))
		if os.IsNotExist(err) {
			return calls
		}
		if err != nil {
			t.Fatal(err)
		}
		calls = append(calls, strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00"))
	}
}
