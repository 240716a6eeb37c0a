{ lib, stdenv, pkgs, cmake, pkg-config, openssl, zlib, makeWrapper, meson, ninja, withGui ? false, gtk3, wrapGAppsHook3 }:
{
  a = stdenv.mkDerivation {
    name = "a";
    buildInputs = [
      cmake # want "`cmake` runs at build time: move it to `nativeBuildInputs`"
      openssl
      pkgs.pkg-config # want "`pkgs.pkg-config` runs at build time"
    ];
  };
  b = stdenv.mkDerivation {
    name = "b";
    buildInputs = with pkgs; [ zlib meson ] # want "`meson` runs at build time"
      ++ [ makeWrapper ] # want "`makeWrapper` runs at build time"
      ++ lib.optionals withGui [ gtk3 wrapGAppsHook3 ] # want "`wrapGAppsHook3` runs at build time"
      ++ lib.optional withGui ninja; # want "`ninja` runs at build time"
  };
  # Negatives: tools in nativeBuildInputs, libraries in buildInputs,
  # shells (not package builders), and a call to something else.
  c = stdenv.mkDerivation {
    name = "c";
    nativeBuildInputs = [ cmake pkg-config makeWrapper ];
    buildInputs = [ openssl zlib ];
  };
  d = pkgs.mkShell {
    buildInputs = [ cmake ];
  };
  e = lib.makeLibraryPath [ cmake ];
}
