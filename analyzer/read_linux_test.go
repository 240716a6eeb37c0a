//go:build linux

package analyzer

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// dirent64 encodes one linux_dirent64 record, padded to 8 bytes as the
// kernel does.
func dirent64(typ byte, name string) []byte {
	reclen := (19 + len(name) + 1 + 7) &^ 7
	rec := make([]byte, reclen)
	binary.NativeEndian.PutUint16(rec[16:18], uint16(reclen))
	rec[18] = typ
	copy(rec[19:], name)
	return rec
}

// TestAppendDirents checks the records listDir reads: "." and ".." left
// out, types from d_type, lstat for an unknown type, and an entry
// removed since it was listed skipped, as os.ReadDir does; a truncated
// record is an error.
func TestAppendDirents(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	recs := slices.Concat(dirent64(syscall.DT_DIR, "."), dirent64(syscall.DT_DIR, ".."),
		dirent64(syscall.DT_REG, "a.nix"), dirent64(syscall.DT_LNK, "result"),
		dirent64(syscall.DT_UNKNOWN, "sub"), dirent64(syscall.DT_UNKNOWN, "gone"), dirent64(syscall.DT_DIR, "d"))
	entries, err := appendDirents(nil, recs, dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name()+":"+e.Type().String())
	}
	want := []string{"a.nix:----------", "result:L---------", "sub:d---------", "d:d---------"}
	if !slices.Equal(got, want) {
		t.Errorf("entries = %q, want %q", got, want)
	}
	if !entries[2].IsDir() || entries[0].IsDir() {
		t.Errorf("IsDir: %v, %v", entries[2].IsDir(), entries[0].IsDir())
	}
	if info, err := entries[2].Info(); err != nil || !info.IsDir() {
		t.Errorf("Info of sub = %v, %v", info, err)
	}
	if _, err := appendDirents(nil, dirent64(syscall.DT_REG, "a.nix")[:12], dir); err == nil {
		t.Error("a truncated record is no error")
	}
}

// TestListDir checks listDir against os.ReadDir on a directory of every
// kind of entry the walk meets, with a buffer too small for one call.
func TestListDir(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.nix": "1", "b/c.nix": "2", ".gitignore": "x\n"})
	if err := os.Symlink("a.nix", filepath.Join(dir, "result")); err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		writeTree(t, dir, map[string]string{filepath.Join("many", "file-with-a-longish-name-"+string(rune('a'+i%26))+string(rune('a'+i/26))+".nix"): ""})
	}
	for _, sub := range []string{"", "many"} {
		path := filepath.Join(dir, sub)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 512)
		got, err := listDir(f, path, &buf)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadDir(path)
		if err != nil {
			t.Fatal(err)
		}
		name := func(e fs.DirEntry) string { return e.Name() + ":" + e.Type().String() }
		gotNames, wantNames := make([]string, len(got)), make([]string, len(want))
		for i, e := range got {
			gotNames[i] = name(e)
		}
		for i, e := range want {
			wantNames[i] = name(e)
		}
		slices.Sort(gotNames)
		if !slices.Equal(gotNames, wantNames) {
			t.Errorf("listDir(%s) = %q, want %q", path, gotNames, wantNames)
		}
	}
}
