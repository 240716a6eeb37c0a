package nixpass

import (
	"os"
	"strings"
)

// HasBase reports whether the last element of the file path name is
// base, as filepath.Base(name) == base does for the names of a run's
// files, without finding the last element: rules ask it of every file
// ("is this a flake.nix?"), several times over.
func HasBase(name, base string) bool {
	if !strings.HasSuffix(name, base) {
		return false
	}
	rest := len(name) - len(base)
	return rest == 0 || os.IsPathSeparator(name[rest-1])
}
