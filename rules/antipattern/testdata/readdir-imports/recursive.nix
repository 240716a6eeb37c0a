{ lib, ... }:
let
  importDir = dir: lib.filter (lib.hasSuffix ".nix") (lib.filesystem.listFilesRecursive dir);
in
{
  imports = importDir ./modules; # want "imports are discovered"
}
