// Package atomicfile writes files so that readers never see a partial
// one: through a temporary file in the same directory and a rename.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces path with data, or creates it; the file gets mode.
// When path is a symlink, the file it points to is replaced and the link
// is left as it is (renaming over the link would turn it into a copy and
// leave the real file unchanged). On error, path is as it was, and the
// error names path, not the temporary file.
func WriteFile(path string, data []byte, mode fs.FileMode) error {
	given := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	fail := func(err error) error {
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			err = pe.Err
		} else if le := (*os.LinkError)(nil); errors.As(err, &le) {
			err = le.Err // the rename's
		}
		return &fs.PathError{Op: "write", Path: given, Err: err}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".nixaudit-*")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}

// ModeOf returns the permission bits of the file at path, or def if it
// does not exist yet, so a rewrite keeps the mode a user gave the file.
func ModeOf(path string, def fs.FileMode) fs.FileMode {
	if st, err := os.Stat(path); err == nil {
		return st.Mode().Perm()
	}
	return def
}
