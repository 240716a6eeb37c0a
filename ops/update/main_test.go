package update

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"testing"
)

// TestMain makes Nix and git hermetic and offline for every test:
//
//   - NIX_CONFIG "substituters =": nothing is fetched from (or waited for
//     on) cache.nixos.org; every test derivation builds locally.
//   - when the nixbld group is missing (single-user Nix run as root
//     without build users, as in some containers), "build-users-group ="
//     lets root build by itself instead of failing. With build users (as
//     Debian's nix-bin sets up), builds run as nixbld users, which is why
//     the fixtures' directories are world-readable.
//   - git gets a throw-away global configuration with an identity and a
//     fixed default branch, so the user's configuration cannot change the
//     results.
//
// The tests need nix and git; without them they fail rather than skip.
func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	for _, tool := range []string{"nix", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			fmt.Fprintf(os.Stderr, "ops/update tests need %s (CI installs Debian's nix-bin and git): %v\n", tool, err)
			return 1
		}
	}
	nixConfig := "substituters ="
	if _, err := user.LookupGroup("nixbld"); err != nil && os.Geteuid() == 0 {
		nixConfig += "\nbuild-users-group ="
	}
	os.Setenv("NIX_CONFIG", nixConfig)

	home, err := os.MkdirTemp("", "nixaudit-update-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(home)
	gitconfig := filepath.Join(home, "gitconfig")
	err = os.WriteFile(gitconfig, []byte("[user]\n\tname = Test\n\temail = test@example.org\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n"), 0o644)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	os.Setenv("GIT_CONFIG_GLOBAL", gitconfig)
	os.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	return m.Run()
}
