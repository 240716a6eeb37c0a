package syntax

import "github.com/nixaudit/nixaudit/nixparse/scope"

// DynamicAttributeInLet reports dynamic names in let bindings and
// inherits, which Nix rejects.
var DynamicAttributeInLet = newRule("dynamic-attribute-in-let", bindErrors(scope.DynamicInLet, scope.DynamicInInherit))
