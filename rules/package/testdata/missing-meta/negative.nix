{ lib, stdenv, fetchurl, buildGoModule, runCommand, writeText }:
let
  args = { name = "x"; };
in
{
  hello = stdenv.mkDerivation {
    pname = "hello";
    version = "2.12.1";
    src = fetchurl {
      url = "mirror://gnu/hello/hello-2.12.1.tar.gz";
      hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
    };
    meta = {
      description = "Program that produces a familiar, friendly greeting";
      license = lib.licenses.gpl3Plus;
    };
  };
  split = buildGoModule {
    pname = "split";
    version = "1.0";
    src = ./.;
    vendorHash = null;
    meta.description = "metadata written as paths";
    meta.license = lib.licenses.mit;
  };
  inherited = stdenv.mkDerivation {
    name = "inherited";
    inherit (hello) meta;
  };
  # Not a set the rule can see into: nothing to say.
  fromArgs = stdenv.mkDerivation args;
  merged = stdenv.mkDerivation (args // { });
  # Not package builders.
  script = runCommand "script" { } "touch $out";
  text = writeText "t" "x";
  patched = hello.overrideAttrs (old: { patches = [ ]; });
}
