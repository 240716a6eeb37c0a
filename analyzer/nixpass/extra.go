package nixpass

import (
	"go/token"
	"os"
)

// ReadFile reads the non-Nix file at path (a flake.lock, say) and
// registers it in fset, as a Project's AddFile does. An empty file still
// has its line 1, where a finding about the file can point:
// token.File.SetLinesForContent would leave it with no lines at all.
func ReadFile(fset *token.FileSet, path string) (*token.File, []byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	tf := fset.AddFile(path, -1, len(src))
	if len(src) > 0 {
		tf.SetLinesForContent(src)
	}
	return tf, src, nil
}
