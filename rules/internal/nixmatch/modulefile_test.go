package nixmatch_test

import (
	"go/token"
	"testing"

	"github.com/nixaudit/nixaudit/analyzer/nixpass"
	"github.com/nixaudit/nixaudit/rules/internal/nixmatch"
)

func TestIsModuleFile(t *testing.T) {
	cases := []struct {
		name, src string
		want      bool
	}{
		{"a.nix", `{ config, lib, pkgs, ... }: { services.x.enable = true; }`, true},
		{"a.nix", `{ lib, ... }: with lib; let x = 1; in { options.x = mkOption { }; }`, true},
		{"a.nix", `{ config, lib, ... }: lib.mkIf config.x.enable { y = 1; }`, true},
		{"a.nix", `{ imports = [ ./x.nix ]; }`, true},
		{"a.nix", `{ ... }: { imports = [ ./x.nix ]; }`, true},
		{"a.nix", `{ lib, stdenv, ... }: stdenv.mkDerivation { pname = "x"; }`, false},
		{"a.nix", `{ pkgs ? import <nixpkgs> { } }: { hello = pkgs.hello; }`, false},
		{"a.nix", `{ lib, stdenv, fetchurl }: stdenv.mkDerivation { pname = "x"; }`, false},
		{"a.nix", `final: prev: { hello = prev.hello; }`, false},
		{"a.nix", `{ a = 1; }`, false},
		{"flake.nix", `{ outputs = { self }: { }; }`, false},
	}
	for _, c := range cases {
		f := nixpass.Load(token.NewFileSet(), c.name, []byte(c.src))
		if len(f.Errors) > 0 {
			t.Fatalf("%s: %s", c.src, f.Errors[0].Msg)
		}
		if got := nixmatch.IsModuleFile(f); got != c.want {
			t.Errorf("IsModuleFile(%s: %s) = %v, want %v", c.name, c.src, got, c.want)
		}
	}
}

func TestKeyAt(t *testing.T) {
	f := loadSrc(t, `{ config, ... }: { config.systemd.services.foo.serviceConfig = { User = "x"; }; }`)
	defs := nixmatch.Options(f)
	if len(defs) != 2 {
		t.Fatalf("got %d definitions, want 2", len(defs))
	}
	for i, want := range []string{"systemd", "services", "foo", "serviceConfig"} {
		k := defs[0].KeyAt(i)
		if k == nil || f.Text(k) != want {
			t.Errorf("KeyAt(%d) of the serviceConfig definition = %v, want %s", i, k, want)
		}
	}
	if k := defs[1].KeyAt(2); k != nil {
		t.Errorf("KeyAt(2) of User = %s, want nil (an enclosing binding names foo)", f.Text(k))
	}
	if k := defs[1].KeyAt(4); k == nil || f.Text(k) != "User" {
		t.Errorf("KeyAt(4) of User = %v, want User", k)
	}
}
