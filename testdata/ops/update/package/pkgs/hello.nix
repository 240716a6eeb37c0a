# hello 1.0, the greeting program. Upgrading from 1.0 needs no migration.
{ fetchurl, mkDerivation }:

let
  # The wire protocol stays at "1.0" whatever the release.
  protocol = { version = "1.0"; };
in
mkDerivation rec {
  pname = "hello";
  version = "1.0";

  src = fetchurl {
    url = "file://@SRC@/hello-${version}.tar";
    hash = "sha256-TmKoKnmniOoNuZHiaLbiSIr9IqW1Vv/0s2ssGXOy8xs=";
  };

  passthru = {
    inherit protocol;
    minimumVersion = "1.0";
    tests.version = "1.0";
  };
}
