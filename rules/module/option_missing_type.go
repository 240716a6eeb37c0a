package module

import (
	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// OptionMissingType flags option declarations without a type.
var OptionMissingType = pack.WithDoc("option-missing-type", analyzer.SeverityWarning, analyzer.FixNone,
	reportOptionsWithout("type", "option declared without a `type`: any value is accepted and merged untyped"),
	nixmatch.RuleDoc("An option is declared without a `type`",
		"Flags `mkOption { … }` (in any spelling of mkOption) whose attribute set has no `type`. "+
			"Internal and invisible options (`internal = true;`, `visible = false;`), which only "+
			"modules set, and `mkOption { … }` merged into another declaration with `//` are not flagged.",
		"Without a type the module system accepts any value and merges definitions with the "+
			"untyped `unspecified` rules: a typo such as `port = \"80\"` is not reported where it "+
			"is made but fails later, far from its cause, and several definitions of the option "+
			"cannot be merged as lists or sets.",
		`{ lib, ... }:
{
  options.services.foo.users = lib.mkOption {
    default = [ ];
    description = "Users allowed to use foo.";
  };
}`,
		`{ lib, ... }:
{
  options.services.foo.users = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    default = [ ];
    description = "Users allowed to use foo.";
  };
}`, ""))
