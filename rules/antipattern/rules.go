// Package antipattern holds the rules that flag NixOS and Nix
// anti-patterns: code that evaluates, but recurses forever, breaks pure
// evaluation, builds during evaluation, or says something other than
// what its author meant.
package antipattern

import "github.com/nixaudit/nixaudit/analyzer"

// Rules are the antipattern rules, sorted by name.
var Rules = []*analyzer.Rule{
	ExcessiveWith,
	ImportFromDerivation,
	ImportsUseConfig,
	ImpureBuiltin,
	LookupPath,
	MkifFalseDefault,
	MkifTrue,
	OverrideForAttrs,
	ReaddirImports,
	SelfReference,
	TrivialWrapper,
}

const category = "antipattern"
