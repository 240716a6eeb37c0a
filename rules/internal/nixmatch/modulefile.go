package nixmatch

import (
	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/nixparse/ast"
)

// moduleKeys are the top-level keys only a module's set has.
var moduleKeys = []string{"imports", "options", "config"}

// IsModuleFile reports whether f itself is a NixOS/home-manager module:
// a function whose pattern names a module argument (config, lib, pkgs, …)
// or is open ({ ... }:), gives no argument a default (callPackage-style files and shell.nix
// write `pkgs ? import <nixpkgs> {}`, which the module system never
// needs), or a set with imports, options or config. flake.nix is never a
// module.
func IsModuleFile(f *nixpass.File) bool {
	if f.Expr == nil || nixpass.HasBase(f.Name, "flake.nix") {
		return false
	}
	fn, body := moduleBody(f.Expr)
	if fn != nil {
		if !isModuleFunc(fn) && (fn.Formals == nil || !fn.Formals.Ellipsis.IsValid()) {
			return false
		}
		for _, formal := range fn.Formals.List {
			if formal.Default != nil {
				return false
			}
		}
		_, isSet := body.(*ast.AttrSetExpr)
		return isSet || IsCallTo(f.Info, body, "lib.mkIf", "lib.mkMerge")
	}
	set, ok := body.(*ast.AttrSetExpr)
	return ok && hasKey(set, moduleKeys...)
}

// KeyAt returns the key that spells Path[i] in the definition's own
// binding, or nil when an enclosing binding spells it (for
// `systemd.services.foo.serviceConfig.User = …;` every element has a key;
// for `User = …;` inside a serviceConfig set only the last).
func (d OptionDef) KeyAt(i int) ast.Node {
	if d.Def == nil {
		if i == len(d.Path)-1 {
			return d.Key
		}
		return nil
	}
	keys := d.Def.Path.Keys
	j := i - (len(d.Path) - len(keys))
	if i < 0 || i >= len(d.Path) || j < 0 {
		return nil
	}
	return keys[j]
}
