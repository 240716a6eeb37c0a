# nixpkgs pinned in a file of the project: its builders are nixpkgs'.
let
  pkgs = import ./nixpkgs.nix { };
in
pkgs.stdenv.mkDerivation { # want "package built with `pkgs.stdenv.mkDerivation` has no `meta`"
  name = "tool";
}
