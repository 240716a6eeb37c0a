{ pkgs, lib }:
{
  a = { pkgs = pkgs; }; # want "^assignment of pkgs to itself: write inherit pkgs;$"
  b = rec { lib = lib; };
  c = let lib = lib; in lib;
  d = { lib = pkgs; };
  e = { "pkgs" = pkgs; };
  f = { pkgs.lib = lib; };
  g = {
    lib = /* keep */ lib; # want "^assignment of lib to itself"
  };
}
