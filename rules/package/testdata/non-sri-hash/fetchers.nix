{ lib, fetchurl, fetchFromGitHub, fetchzip, myFetcher, stdenv, buildGoModule }:
{
  a = fetchurl {
    url = "https://example.org/a.tar.gz";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic"; # want "`sha256` is a legacy hash attribute: write `hash = \"sha256-LPJNul\\+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=\"`"
  };
  b = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "v1";
    sha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"; # want "`sha256` is a legacy hash attribute"
  };
  c = lib.fetchzip {
    url = "https://example.org/c.zip";
    sha512 = "11w1pmwfdpz9pisbhp5qiv38q6dmidq2ipcqykw3p0sb6yrqcij79rwcwcjbxyzwbdal349qbxrncbk7pmd6snljrfpiwv2pljd4wcv"; # want "`sha512` is a legacy hash attribute"
  };
  d = fetchurl {
    url = "https://example.org/d";
    hash = "sha1:9m1skbnr5i43n3yypvda5s65vhfwdx5a"; # want "hash in `hash` is not in SRI form: write \"sha1-qvTGHdzF6KLavt4PO0gs2a6pQ00=\""
  };
  # An unknown function may not take `hash`: the fix is unsafe (applied
  # here all the same, as golden files apply every first fix).
  e = myFetcher {
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic"; # want "`sha256` is a legacy hash attribute"
  };
  f = stdenv.mkDerivation {
    name = "f";
    outputHashAlgo = "sha256";
    outputHashMode = "recursive";
    outputHash = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic"; # want "hash in `outputHash` is not in SRI form"
  };
  # Both attributes: no fix.
  g = fetchurl {
    url = "https://example.org/g";
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic"; # want "`sha256` is a legacy hash attribute next to `hash`"
  };
  # Negatives: SRI already, builtins' fetchers (which only take sha256),
  # placeholders and invalid hashes (other rules' findings).
  h = fetchurl {
    url = "https://example.org/h";
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
  i = builtins.fetchTarball {
    url = "https://example.org/i.tar.gz";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic";
  };
  j = fetchTarball {
    url = "https://example.org/j.tar.gz";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic";
  };
  k = fetchurl {
    url = "https://example.org/k";
    sha256 = "0000000000000000000000000000000000000000000000000000";
  };
  l = fetchurl {
    url = "https://example.org/l";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vw";
  };
  m = buildGoModule {
    pname = "m";
    version = "1";
    src = ./.;
    vendorHash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";
  };
}
