package update

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/nixaudit/nixaudit/ops/gate"
	"github.com/nixaudit/nixaudit/ops/run"
)

// repo is the git work tree holding the flake.
type repo struct {
	runner run.Interface
	root   string // absolute path of the work tree's top level
}

func (r *repo) git(ctx context.Context, args ...string) (string, error) {
	out, err := run.Output(ctx, r.runner, run.Cmd{Name: "git", Args: append([]string{"-C", r.root}, args...)})
	return strings.TrimSpace(string(out)), err
}

// openRepo finds the work tree containing dir; not being in one is a
// usage error, since the update's result is meant to be reviewed and
// committed.
func openRepo(ctx context.Context, runner run.Interface, dir string) (*repo, error) {
	out, err := run.Output(ctx, runner, run.Cmd{Name: "git", Args: []string{"-C", dir, "rev-parse", "--show-toplevel"}})
	if err != nil {
		return nil, gate.Usage("%s is not inside a git work tree (update needs one to show and commit its changes): %v", dir, err)
	}
	root, err := filepath.EvalSymlinks(strings.TrimSpace(string(out)))
	if err != nil {
		return nil, gate.Usage("%v", err)
	}
	return &repo{runner: runner, root: root}, nil
}

// rel returns path relative to the work tree's root, with slashes, as git
// prints paths.
func (r *repo) rel(path string) (string, error) {
	real, err := filepath.EvalSymlinks(filepath.Dir(path))
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(r.root, filepath.Join(real, filepath.Base(path)))
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// requireClean refuses uncommitted changes to tracked files other than
// ignore (an absolute path, or "" for none): the update's commit must
// contain only its own change, and a failed build must not be blamed on
// unrelated edits.
func (r *repo) requireClean(ctx context.Context, ignore string) error {
	var ignored string
	if ignore != "" {
		var err error
		if ignored, err = r.rel(ignore); err != nil {
			return gate.Usage("%v", err)
		}
	}
	out, err := run.Output(ctx, r.runner, run.Cmd{Name: "git", Args: []string{"-C", r.root, "status", "--porcelain=v1", "-z", "--untracked-files=no"}})
	if err != nil {
		return gate.Usage("%v", err)
	}
	var dirty []string
	for _, entry := range parseStatusZ(out) {
		if entry != ignored {
			dirty = append(dirty, entry)
		}
	}
	if len(dirty) > 0 {
		return gate.Usage("uncommitted changes to tracked files: %s (commit or stash them, or pass --allow-dirty)", strings.Join(dirty, ", "))
	}
	return nil
}

// parseStatusZ returns the paths of `git status --porcelain=v1 -z`; for
// renames both the new and the old path.
func parseStatusZ(out []byte) []string {
	var paths []string
	fields := bytes.Split(out, []byte{0})
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if len(f) < 4 {
			continue
		}
		paths = append(paths, string(f[3:]))
		if f[0] == 'R' || f[0] == 'C' {
			i++
			if i < len(fields) {
				paths = append(paths, string(fields[i]))
			}
		}
	}
	return paths
}

// commit commits exactly path (absolute) with message and returns the
// new commit's hash. Other staged changes stay staged and uncommitted.
func (r *repo) commit(ctx context.Context, path, message string) (string, error) {
	rel, err := r.rel(path)
	if err != nil {
		return "", err
	}
	if _, err := r.git(ctx, "add", "--", rel); err != nil {
		return "", err
	}
	if _, err := r.git(ctx, "commit", "--quiet", "--message", message, "--", rel); err != nil {
		return "", err
	}
	return r.git(ctx, "rev-parse", "HEAD")
}

// checkGH fails early, before anything changes, when --pr cannot work.
func (r *repo) checkGH(ctx context.Context) error {
	_, err := r.runner.Run(ctx, run.Cmd{Name: "gh", Args: []string{"--version"}})
	if errors.Is(err, exec.ErrNotFound) {
		return gate.Usage("--pr needs the GitHub CLI `gh` on PATH (https://cli.github.com/); install it or leave out --pr")
	}
	if err != nil {
		return gate.Usage("--pr: %v", err)
	}
	return nil
}

// pullRequest pushes HEAD to a new branch of remote and opens a pull
// request from it into the current branch with gh; it returns what gh
// printed (the pull request's URL).
func (r *repo) pullRequest(ctx context.Context, remote, branch, title, body string) (string, error) {
	base, err := r.git(ctx, "rev-parse", "--abbrev-ref", "HEAD")
	if err != nil {
		return "", err
	}
	if _, err := r.git(ctx, "push", "--quiet", remote, "HEAD:refs/heads/"+branch); err != nil {
		return "", err
	}
	out, err := run.Output(ctx, r.runner, run.Cmd{Name: "gh", Dir: r.root, Args: []string{
		"pr", "create", "--base", base, "--head", branch, "--title", title, "--body", body}})
	if err != nil {
		return "", fmt.Errorf("branch %s was pushed to %s but the pull request could not be opened: %w", branch, remote, err)
	}
	return strings.TrimSpace(string(out)), nil
}
