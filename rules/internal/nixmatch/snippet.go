package nixmatch

import (
	"strings"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// Snippet returns the source of n for a message: its text when it is one
// short line, otherwise alt.
func Snippet(f *ast.File, n ast.Node, alt string) string {
	s := f.Text(n)
	if len(s) > 40 || strings.ContainsAny(s, "\n\r") {
		return alt
	}
	return s
}
