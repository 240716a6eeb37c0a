package update

import (
	"fmt"
	"os"

	"github.com/nixaudit/nixaudit/ops/gate"
)

// restoreFile puts back a file's previous content after the update
// failed with cause, and returns the failure (exit 4) saying whether the
// file was restored. os.WriteFile keeps the existing file's mode.
func restoreFile(path string, content []byte, cause error) error {
	if err := os.WriteFile(path, content, 0o644); err != nil {
		return gate.Failed(cause, fmt.Sprintf("restoring %s failed too: %v", path, err))
	}
	return gate.Failed(cause, fmt.Sprintf("%s was restored to its previous content.", path))
}
