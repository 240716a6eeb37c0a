{ lib, ... }:
let
  modules = builtins.attrNames (builtins.readDir ./modules);
  dotfiles = builtins.readDir ./dotfiles;
in
{
  imports = map (n: ./modules + "/${n}") modules; # want "imports are discovered by listing a directory: list the modules explicitly"
  environment.etc = lib.mapAttrs (name: _: { source = ./dotfiles + "/${name}"; }) dotfiles;
}
