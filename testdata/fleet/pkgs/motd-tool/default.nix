{ lib, stdenv, fetchurl }:

stdenv.mkDerivation rec {
  pname = "motd-tool";
  version = "1.4.2";

  src = fetchurl {
    url = http://downloads.example.org/motd-tool/motd-tool-1.4.2.tar.gz;
    sha256 = "0x2bq0jivd4k3gngrk96cmb5a3v4k8lyl0xgzwpgq9gy2ixavg3w";
  };

  installPhase = ''
    mkdir -p $out/bin
    cp motd-tool $out/bin/
  '';
}
