# A callPackage argument named fetchurl is nixpkgs' fetchurl (which the
# package rules check), not builtins.fetchurl.
{ lib, stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "hello";
  version = "2.12";
  src = fetchurl { url = "https://ftp.gnu.org/gnu/hello/hello-2.12.tar.gz"; };
  meta.license = lib.licenses.gpl3Plus;
}
