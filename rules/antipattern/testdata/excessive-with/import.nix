with import <nixpkgs> { }; # want "imports nixpkgs impurely"
stdenv.mkDerivation { name = "x"; }
