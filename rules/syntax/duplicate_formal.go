package syntax

import "github.com/nixaudit/nixaudit/nixparse/scope"

// DuplicateFormal reports a name bound twice by one function pattern.
var DuplicateFormal = newRule("duplicate-formal", bindErrors(scope.DuplicateFormal))
