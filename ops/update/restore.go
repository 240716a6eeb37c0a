package update

import (
	"fmt"

	"github.com/nixaudit/nixaudit/internal/atomicfile"
	"github.com/nixaudit/nixaudit/ops/gate"
)

// restoreFile puts back a file's previous content after the update
// failed with cause, and returns the failure (exit 4) saying whether the
// file was restored. The file keeps its mode.
func restoreFile(path string, content []byte, cause error) error {
	if err := atomicfile.WriteFile(path, content, atomicfile.ModeOf(path, 0o644)); err != nil {
		return gate.Failed(cause, fmt.Sprintf("restoring it failed too: %v", err))
	}
	return gate.Failed(cause, fmt.Sprintf("%s was restored to its previous content.", path))
}
