package syntax

import "github.com/nixaudit/nixaudit/nixparse/ast"

// SyntaxError reports every parse error; the parser recovers, so a file
// can have several.
var SyntaxError = newRule("syntax-error", parseErrors(ast.SyntaxErr))
