// Package parser implements a parser for Nix source files.
package parser

import (
	"go/token"

	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// ParseFile parses src, adding the file to fset. It never fails: syntax
// errors are in the returned file's Errors.
func ParseFile(fset *token.FileSet, filename string, src []byte) *ast.File {
	tf := fset.AddFile(filename, -1, len(src))
	return &ast.File{Name: filename, Tok: tf, Src: src,
		Errors: []ast.SyntaxError{{Pos: tf.Pos(0), End: tf.Pos(0), Msg: "parser not implemented yet"}}}
}
