package syntax

import "github.com/nixaudit/nixaudit/nixparse/ast"

// InvalidLiteral reports literals that scan but that Nix rejects.
var InvalidLiteral = newRule("invalid-literal", parseErrors(ast.InvalidLiteral))
