{ lib, fetchurl, fetchFromGitHub, buildGoModule, rustPlatform }:
let
  placeholder = lib.fakeSha256; # want "`lib.fakeSha256` is a placeholder"
in
{
  a = fetchurl {
    url = "https://example.org/a.tar.gz";
    hash = lib.fakeHash; # want "`lib.fakeHash` is a placeholder"
  };
  b = fetchurl {
    url = "https://example.org/b.tar.gz";
    sha256 = placeholder;
  };
  c = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "v1";
    hash = ""; # want "placeholder hash in `hash`"
  };
  d = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "v1";
    hash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; # want "placeholder hash in `hash`"
  };
  e = fetchurl {
    url = "https://example.org/e.tar.gz";
    sha256 = "0000000000000000000000000000000000000000000000000000"; # want "placeholder hash in `sha256`"
  };
  f = buildGoModule {
    pname = "f";
    version = "1";
    src = ./.;
    vendorHash = ""; # want "placeholder hash in `vendorHash`"
  };
  g = with lib; fetchurl {
    url = "https://example.org/g.tar.gz";
    hash = fakeHash; # want "`fakeHash` is a placeholder"
  };
  # Negatives: real hashes, null vendorHash, a local fakeHash.
  h = fetchurl {
    url = "https://example.org/h.tar.gz";
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
  i = buildGoModule {
    pname = "i";
    version = "1";
    src = ./.;
    vendorHash = null;
  };
  j = let fakeHash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="; in fetchurl {
    url = "https://example.org/j.tar.gz";
    hash = fakeHash;
  };
  k = rustPlatform.buildRustPackage {
    pname = "k";
    version = "1";
    src = ./.;
    cargoHash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
  # Tools that work with placeholders, and a placeholder that is not a
  # hash argument.
  l = lib.convertHash { hash = lib.fakeSha512; toHashFormat = "sri"; hashAlgo = "sha512"; };
  m = builtins.stringLength lib.fakeHash;
  # A password hash is not a fetcher's hash.
  users.users.alice.hashedPassword = "";
}
