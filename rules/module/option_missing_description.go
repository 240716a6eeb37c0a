package module

import (
	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// OptionMissingDescription flags option declarations without a
// description.
var OptionMissingDescription = pack.WithDoc("option-missing-description", analyzer.SeverityWarning, analyzer.FixNone,
	reportOptionsWithout("description", "option declared without a `description`"),
	nixmatch.RuleDoc("An option is declared without a `description`",
		"Flags `mkOption { … }` (in any spelling of mkOption) whose attribute set has no "+
			"`description`. Options hidden from the documentation (`internal = true;`, "+
			"`visible = false;`) are not flagged; `mkEnableOption` and `mkPackageOption` write "+
			"their own descriptions. Declarations that only amend another one are not flagged either: "+
			"`mkEnableOption \"x\" // mkOption { default = true; }`, and `mkOption { type = …submodule…; }` "+
			"adding a submodule type to an option documented elsewhere.",
		"The description is what `man configuration.nix`, search.nixos.org and "+
			"home-manager's option list show: an option without one tells its users nothing "+
			"about what it does or which values make sense.",
		`{ lib, ... }:
{
  options.services.foo.port = lib.mkOption {
    type = lib.types.port;
    default = 8080;
  };
}`,
		`{ lib, ... }:
{
  options.services.foo.port = lib.mkOption {
    type = lib.types.port;
    default = 8080;
    description = "Port foo listens on.";
  };
}`, ""))
