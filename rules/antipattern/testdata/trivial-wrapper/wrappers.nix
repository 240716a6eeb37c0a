{ lib, pkgs }:
let
  mkIf = c: v: lib.mkIf c v; # want "`mkIf` only passes its arguments on to lib.mkIf: use lib.mkIf directly"
  concat = a: b: a ++ b;
  swap = a: b: lib.mkIf b a;
  partial = c: lib.mkIf c true;
  self = f: f f;
  inherit (lib) mkMerge;
  mkDefault = lib.mkDefault;
in
{
  mkMerge = lib.mkMerge; # want "`mkMerge` re-exports lib.mkMerge: write `inherit \\(lib\\) mkMerge;`"
  attrNames = builtins.attrNames; # want "`attrNames` re-exports builtins.attrNames"
  inherit mkIf concat swap partial self mkDefault;
  renamed = lib.mkForce;
  withArgs = { a, b }: lib.mkIf a b;
  map = f: xs: builtins.map f xs; # want "`map` only passes its arguments on to builtins.map"
  capture = f: xs: f.map f xs;
  version = pkgs.hello.version;
  mkOverride = (p: v: (lib.mkOverride p v)); # want "`mkOverride` only passes its arguments on to lib.mkOverride"
  toList = ((lib.toList)); # want "`toList` re-exports lib.toList: write `inherit \\(lib\\) toList;`"
  tags = { int = lib.types.int; str = lib.types.str; };
}
