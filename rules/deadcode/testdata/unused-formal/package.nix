{ lib
, stdenv
, fetchurl # want "^formal fetchurl is never used \\(in the file's top-level function\\)$"
}:
let
  helper = { a, b, ... }: a; # want "^formal b is never used$"
  helper2 = { a, b }: b; # want "^formal a is never used$"
  module = { config, lib, pkgs, ... }: { x = pkgs; }; # want "^formal config is never used$" "^formal lib is never used$"
  withDefault = { a ? b, b ? 1 }: a;
  atUsed = args@{ a, ... }: args;
  atUnused = args@{ a, ... }: stdenv; # want "^formal a is never used$"
  skipped = { _c, ... }: 1;
  deadOnly = { d, ... }: let e = d; in 1; # want "^formal d is only used by unused bindings$"
  allGone = { p, q }: stdenv; # want "^formal p is never used$" "^formal q is never used$"
  passed = { msg, extra ? null }: msg; # want "^formal extra is never used$"
  called = passed { msg = "x"; extra = 1; };
  optional = { msg, extra ? null }: msg; # want "^formal extra is never used$"
  mixed = { p, q ? 1 }: stdenv; # want "^formal p is never used$" "^formal q is never used$"
in
stdenv.mkDerivation {
  inherit helper helper2 module withDefault atUsed atUnused skipped deadOnly allGone called optional mixed inspected signature signature2 notSignature;
  meta.license = lib.licenses.mit;
}
