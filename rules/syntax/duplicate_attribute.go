package syntax

import "github.com/nixaudit/nixaudit/nixparse/scope"

// DuplicateAttribute reports attributes defined twice in one set, after
// Nix's merging of nested attribute paths.
var DuplicateAttribute = newRule("duplicate-attribute", bindErrors(scope.DuplicateAttribute))
