{ lib, stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "hello";
  version = "2.12";
  src = fetchurl { url = "https://ftp.gnu.org/gnu/hello/hello-2.12.tar.gz"; hash = ""; };
  meta.homepage = "http://www.gnu.org/software/hello/";
}
