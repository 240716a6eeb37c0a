# Every construct of the language, for the lossless and corpus tests.
/* block
   comment */
{ lib, pkgs ? import <nixpkgs> { }, ... }@args:
let
  inherit (lib) mkIf mkOption;
  inherit args;
  x = 1; y = 2.5; z = .5; w = 1.e-2; big = 9223372036854775807;
  s = "a\n\"b\" ${x} $${x} \${x} c$";
  ind = ''
    line one
      indented ''${not} '''quoted''' ''\n
    ${toString x}
  '';
  p = ./a/b.nix;
  q = ./a/${s}/c;
  h = ~/config;
  abs = /etc/nixos;
  u = https://example.org/x.tar.gz;
  legacy = let { body = 1; };
  r = rec { a = 1; b = a; "c d" = 2; ${s} = 3; a.b.c = 4; };
  f = x: y: x + y;
  g = { a, b ? 2, ... }: a;
  h2 = args@{ a }: a;
  ops = !true || false && 1 < 2 -> 3 >= 4 == (5 != 6) // { } ++ [ ] ;
  arith = -1 + 2 * 3 / 4 - 5;
  has = r ? a.b && r ? "c d";
  sel = r.a.b or null;
  call = map or [ ];
  pipe = [ 1 2 ] |> map (x: x) |> lib.id;
  pipe2 = lib.id <| map (x: x) <| [ 1 ];
  pos = __curPos;
  orAttr = { or = 1; }.or;
in
assert x == 1;
with lib;
if x > 0 then f x y else g { a = 1; }
