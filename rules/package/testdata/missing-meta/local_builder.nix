# A test suite's own mkDerivation, from a local file: not nixpkgs' builder.
with import ./config.nix;
mkDerivation {
  name = "simple";
  builder = ./simple.builder.sh;
}
