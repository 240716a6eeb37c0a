# Not a module.
{ stdenv, writeText }:
let
  config = writeText "config" "x";
in
stdenv.mkDerivation {
  name = "x";
  inherit config;
}
