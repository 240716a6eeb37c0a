package module

import (
	"golang.org/x/tools/go/analysis"

	"github.com/nixaudit/nixaudit/analyzer"
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

// MkifTopLevel flags modules wrapped whole in mkIf while declaring
// options (or imports, or a config section).
var MkifTopLevel = pack.WithDoc("mkif-top-level", analyzer.SeverityError, analyzer.FixNone, runMkifTopLevel,
	nixmatch.RuleDoc("A module is wrapped in `mkIf` although it declares `options`",
		"Flags a module whose value is `mkIf cond { … }` while the set declares `options`, "+
			"`imports` or a `config` section.",
		"The module system only accepts `mkIf` around configuration. A module that is "+
			"`mkIf …` as a whole is read as a module without `options`, `imports` or "+
			"`config` keys, so its whole set is taken as configuration and evaluation fails "+
			"with \"The option `options' does not exist\". The condition also cannot depend on "+
			"the options the module itself declares without infinite recursion.",
		`{ config, lib, ... }:
lib.mkIf config.services.foo.enable {
  options.services.foo.enable = lib.mkEnableOption "foo";
  config.systemd.services.foo.script = "foo";
}`,
		`{ config, lib, ... }:
{
  options.services.foo.enable = lib.mkEnableOption "foo";
  config = lib.mkIf config.services.foo.enable {
    systemd.services.foo.script = "foo";
  };
}`, ""))

// structuralKeys are the keys the module system reads only at a module's
// top level.
var structuralKeys = []string{"options", "imports", "config"}

func runMkifTopLevel(pass *analysis.Pass) (any, error) {
	f := nixpass.Of(pass)
	for _, m := range nixmatch.IndexOf(pass).Modules {
		args, ok := nixmatch.CallArgs(f.Info, m.Body, "lib.mkIf")
		if !ok || len(args) != 2 {
			continue
		}
		set := nixmatch.SetArg(args[1])
		if set == nil {
			continue
		}
		for _, key := range structuralKeys {
			if !nixmatch.HasAttr(set, key) {
				continue
			}
			fun, _ := nixmatch.FlattenCall(m.Body)
			pass.Report(analysis.Diagnostic{Pos: fun.Pos(), End: fun.End(),
				Message: "module wrapped in `mkIf` declares `" + key + "`: the module system reads the whole set as config; move the condition into `config = mkIf …;`"})
			break
		}
	}
	return nil, nil
}
