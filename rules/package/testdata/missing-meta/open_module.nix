# An open module without config: still a module.
{ pkgs, lib, ... }:
{
  environment.etc."tool.conf".source = pkgs.stdenv.mkDerivation {
    name = "tool-conf";
    buildCommand = "echo x > $out";
  };
}
