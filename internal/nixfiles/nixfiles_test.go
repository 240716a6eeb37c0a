package nixfiles

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"b.nix": "2", "a/c.nix": "{ }", "a/notes.txt": "x", "d.nix.bak": "y"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []File{{filepath.Join(dir, "a", "c.nix"), []byte("{ }")}, {filepath.Join(dir, "b.nix"), []byte("2")}}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("Read = %q, want %q", files, want)
	}
	if n := Size(files); n != 4 {
		t.Errorf("Size = %d, want 4", n)
	}
	if _, err := Read(t.TempDir()); err == nil {
		t.Error("Read of an empty tree is not an error")
	}
	if _, err := Read(filepath.Join(dir, "missing")); err == nil {
		t.Error("Read of a missing directory is not an error")
	}
}

func TestDir(t *testing.T) {
	t.Setenv("NIXFILES_TEST_DIR", "")
	if got := Dir("NIXFILES_TEST_DIR", "fallback"); got != "fallback" {
		t.Errorf("unset: Dir = %q, want the fallback", got)
	}
	t.Setenv("NIXFILES_TEST_DIR", "/corpus")
	if got := Dir("NIXFILES_TEST_DIR", "fallback"); got != "/corpus" {
		t.Errorf("set: Dir = %q, want /corpus", got)
	}
}
