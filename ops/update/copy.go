package update

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/nixaudit/nixaudit/ops/run"
)

// copyWorkTree makes a temporary copy of the work tree for --dry-run: a
// shared clone (so Nix sees a git flake with the same history) with the
// current content of every tracked file, uncommitted changes included.
// The repository itself is only read. cleanup removes the copy.
func (r *repo) copyWorkTree(ctx context.Context) (string, func(), error) {
	tmp, err := os.MkdirTemp("", "nixaudit-dry-run-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	// Nix's build users must be able to read the copy.
	if err := os.Chmod(tmp, 0o755); err != nil {
		cleanup()
		return "", nil, err
	}
	if _, err := r.runner.Run(ctx, run.Cmd{Name: "git", Args: []string{"clone", "--quiet", "--shared", "--no-checkout", r.root, tmp}}); err != nil {
		cleanup()
		return "", nil, err
	}
	if _, err := r.runner.Run(ctx, run.Cmd{Name: "git", Args: []string{"-C", tmp, "reset", "--quiet"}}); err != nil {
		cleanup()
		return "", nil, err
	}
	out, err := run.Output(ctx, r.runner, run.Cmd{Name: "git", Args: []string{"-C", r.root, "ls-files", "-z"}})
	if err != nil {
		cleanup()
		return "", nil, err
	}
	for _, name := range bytes.Split(out, []byte{0}) {
		if len(name) == 0 {
			continue
		}
		if err := copyEntry(filepath.Join(r.root, string(name)), filepath.Join(tmp, string(name))); err != nil {
			cleanup()
			return "", nil, err
		}
	}
	return tmp, cleanup, nil
}

// copyEntry copies one tracked file or symlink; a tracked file deleted
// in the work tree is skipped, as it is absent from the work tree.
func copyEntry(from, to string) error {
	st, err := os.Lstat(from)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(from)
		if err != nil {
			return err
		}
		return os.Symlink(target, to)
	}
	if st.IsDir() { // a submodule
		return nil
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, st.Mode().Perm())
}
