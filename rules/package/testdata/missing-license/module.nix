# A helper derivation inside a module is not a package.
{ config, lib, pkgs, ... }:
{
  xdg.configFile."tool/plugins".source = pkgs.stdenvNoCC.mkDerivation {
    name = "plugins";
    buildCommand = "mkdir $out";
    meta.description = "plugins";
  };
}
