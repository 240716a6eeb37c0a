{ fetchurl, fetchFromGitHub, stdenv }:
[
  (fetchurl {
    url = "https://example.org/a";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwi"; # want "invalid hash in `sha256`: a sha256 hash has 64 \\(base16\\), 52 \\(Nix base32\\) or 44 \\(base64\\) characters, not 51"
  })
  (fetchurl {
    url = "https://example.org/b";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwie"; # want "invalid hash in `sha256`: sha256 hash: decode base32: character 'e' not in Nix alphabet"
  })
  (fetchurl {
    url = "https://example.org/c";
    hash = "sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmC="; # want "invalid hash in `hash`: a sha256 hash has .* characters, not 43"
  })
  (fetchurl {
    url = "https://example.org/d";
    hash = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic"; # want "invalid hash in `hash`: it names no algorithm"
  })
  (fetchurl {
    url = "https://example.org/e";
    sha256 = "sha512-m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw=="; # want "it is a sha512 hash where sha256 is expected"
  })
  (fetchurl {
    url = "https://example.org/f";
    hash = "sha3-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="; # want "unknown hash algorithm \"sha3\""
  })
  (fetchurl {
    url = "https://example.org/g";
    hash = "sha256-094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic"; # want "an SRI hash must be base64 \\(44 characters for sha256\\)"
  })
  (stdenv.mkDerivation {
    name = "h";
    outputHashAlgo = "sha1";
    outputHash = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic"; # want "a sha1 hash has 40 \\(base16\\), 32 \\(Nix base32\\) or 28 \\(base64\\) characters, not 52"
  })
  # Valid in every form Nix reads.
  (fetchurl {
    url = "https://example.org/ok1";
    sha256 = "094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic";
  })
  (fetchurl {
    url = "https://example.org/ok2";
    sha256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  })
  (fetchurl {
    url = "https://example.org/ok3";
    hash = "sha512-m3HSJL1i83hdltRq0+o9czGb+8KJDKra4t/3JRlnPKcjI8PZm6XBHXx6zG4UuMXaDEZjR1wuXDre9G9zvN7AQw==";
  })
  (fetchurl {
    url = "https://example.org/ok4";
    hash = "sha1:9m1skbnr5i43n3yypvda5s65vhfwdx5a";
  })
  (fetchurl {
    url = "https://example.org/ok5";
    sha1 = "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d";
  })
  (stdenv.mkDerivation {
    name = "ok6";
    outputHashMode = "recursive";
    outputHash = "11w1pmwfdpz9pisbhp5qiv38q6dmidq2ipcqykw3p0sb6yrqcij79rwcwcjbxyzwbdal349qbxrncbk7pmd6snljrfpiwv2pljd4wcv";
  })
  # Arguments of functions that are no fetchers (a function under test).
  (normalizeHash { hash = "aaaa"; })
  # Placeholders are fake-hash's; interpolated values are not literals.
  (fetchurl { url = "https://example.org/p"; hash = ""; })
  (fetchurl { url = "https://example.org/q"; sha256 = "${placeholder}"; })
]
