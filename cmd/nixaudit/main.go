// Command nixaudit audits Nix code and runs fleet operations behind that
// audit. See the README for usage.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:]))
}

// run executes the CLI with args and returns the process exit code.
func run(args []string) int {
	root := newRootCmd()
	root.SetArgs(defaultToCheck(root, args))
	if err := root.Execute(); err != nil {
		if code, ok := exitCodeOf(err); ok {
			return code
		}
		fmt.Fprintln(os.Stderr, "nixaudit:", err)
		return exitUsage
	}
	return exitOK
}

// defaultToCheck makes check the default command: `nixaudit`, `nixaudit
// PATH…` and `nixaudit --format json PATH` all mean `nixaudit check …`.
// Help and version flags, and the names of subcommands, keep their
// meaning.
func defaultToCheck(root *cobra.Command, args []string) []string {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "--help", "-v", "--version", "help", "completion", "__complete", "__completeNoDesc":
			return args
		}
		for _, c := range root.Commands() {
			if c.Name() == args[0] || c.HasAlias(args[0]) {
				return args
			}
		}
	}
	return append([]string{"check"}, args...)
}
