// Command nixaudit audits Nix code and runs fleet operations behind that
// audit. See the README for usage.
package main

import (
	"fmt"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run executes the CLI with args and returns the process exit code.
func run(args []string) int {
	root := newRootCmd()
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		if code, ok := exitCodeOf(err); ok {
			return code
		}
		fmt.Fprintln(os.Stderr, "nixaudit:", err)
		return exitUsage
	}
	return exitOK
}
