package syntax

import "github.com/nixaudit/nixaudit/nixparse/scope"

// UndefinedVariable reports names bound nowhere and under no `with`.
var UndefinedVariable = newRule("undefined-variable", bindErrors(scope.UndefinedVariable))
