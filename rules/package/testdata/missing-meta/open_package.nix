# An open callPackage file is a package file.
{ lib, stdenv, ... }:
{
  tool = stdenv.mkDerivation { # want "has no `meta`"
    name = "tool";
  };
}
