{ lib, pkgs }:
let
  mkIf = lib.mkIf; # want "^assignment of lib.mkIf to mkIf: write inherit \\(lib\\) mkIf;$"
  concat = lib.strings.concat; # want "^assignment of lib.strings.concat to concat: write inherit \\(lib.strings\\) concat;$"
  other = lib.mkMerge;
  withDefault = lib.x or null;
in
{
  git = pkgs.git; # want "^assignment of pkgs.git to git"
  vim = (pkgs).vim; # want "^assignment of \\(pkgs\\).vim to vim"
  "name" = pkgs.name;
  parsed = (lib.systems.elaborate "x86_64-linux").parsed;
  inherit mkIf concat other withDefault;
}
