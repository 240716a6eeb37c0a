{ lib, stdenv, fetchurl, buildGoModule, python3Packages, rustPlatform }:
{
  hello = stdenv.mkDerivation { # want "package built with `stdenv.mkDerivation` has no `meta`"
    pname = "hello";
    version = "2.12.1";
    src = fetchurl {
      url = "mirror://gnu/hello/hello-2.12.1.tar.gz";
      hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
    };
  };
  tool = buildGoModule rec { # want "`buildGoModule` has no `meta`"
    pname = "tool";
    version = "1.0";
    src = ./.;
    vendorHash = null;
  };
  py = python3Packages.buildPythonPackage { # want "`python3Packages.buildPythonPackage` has no `meta`"
    pname = "py";
    version = "1.0";
    src = ./.;
  };
  rs = rustPlatform.buildRustPackage (finalAttrs: { # want "`rustPlatform.buildRustPackage` has no `meta`"
    pname = "rs";
    version = "1.0";
    src = ./.;
  });
  # The metadata is elsewhere only in name: passthru.meta is not meta.
  other = stdenv.mkDerivation { # want "has no `meta`"
    name = "other";
    passthru.meta = { };
  };
}
