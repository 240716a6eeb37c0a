{ lib, stdenv, buildGoModule }:
{
  a = stdenv.mkDerivation {
    name = "a";
    meta = { # want "`meta` has no `license`"
      description = "A";
    };
  };
  b = buildGoModule {
    pname = "b";
    version = "1";
    src = ./.;
    vendorHash = null;
    meta = with lib; { # want "`meta` has no `license`"
      description = "B";
      maintainers = [ maintainers.alice ];
    };
  };
  c = stdenv.mkDerivation {
    name = "c";
    meta.description = "C"; # want "`meta` has no `license`"
    meta.platforms = lib.platforms.linux;
  };
  # Negatives.
  d = stdenv.mkDerivation {
    name = "d";
    meta = with lib; {
      description = "D";
      license = licenses.mit;
    };
  };
  e = stdenv.mkDerivation {
    name = "e";
    meta.description = "E";
    meta.license = lib.licenses.asl20;
  };
  f = stdenv.mkDerivation {
    name = "f";
    meta = d.meta // { description = "F"; };
  };
  g = stdenv.mkDerivation {
    name = "g";
    inherit (d) meta;
  };
  h = stdenv.mkDerivation {
    name = "h";
    meta = {
      description = "H";
      inherit (d.meta) license;
    };
  };
  # No meta at all is missing-meta's finding, not this rule's.
  i = stdenv.mkDerivation { name = "i"; };
}
