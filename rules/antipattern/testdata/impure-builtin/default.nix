# Outside flake.nix these builtins are fine.
{ system ? builtins.currentSystem, home ? builtins.getEnv "HOME" }:
{ inherit system home; }
