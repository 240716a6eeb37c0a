package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileKeepsMode(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.nix")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new"), ModeOf(p, 0o644)); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	if string(data) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("content %q, mode %v; want \"new\", 0600", data, st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestWriteFileCreates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out.sarif")
	if err := WriteFile(p, []byte("{}"), ModeOf(p, 0o644)); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Fatalf("stat = %v, %v; want mode 0644", st, err)
	}
}

// TestWriteFileFailureLeavesFile checks that a write that cannot finish
// leaves the old file whole and no temporary file behind.
func TestWriteFileFailureLeavesFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The target is now a directory: the rename fails.
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(p, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p, "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("new"), 0o644)
	if err == nil {
		t.Fatal("writing over a non-empty directory succeeded")
	}
	// The error names the file asked for, not the temporary one.
	if want := "write " + p + ": file exists"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("entries after the failed write: %v, want only out.json", entries)
	}
}
