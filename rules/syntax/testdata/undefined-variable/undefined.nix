{ pkgs, ... }@args:
let
  a = b; # want "undefined variable 'b'"
  c = a;
  inherit (pkgs) lib;
in
{
  x = with pkgs; [ hello ];
  y = [ true null builtins.map map import c args lib __curPos ];
  z = rec { p = q; q = 1; };
  w = missing; # want "undefined variable 'missing'"
  f = x: x + y; # want "undefined variable 'y'"
  s = "${nope}"; # want "undefined variable 'nope'"
  t = { k = 1; }.k;
  u = { inherit c; inherit (lib) id; inherit absent; }; # want "undefined variable 'absent'"
  v = let inner = 1; in inner;
  g = { n ? m, m ? 1 }: n;
}
