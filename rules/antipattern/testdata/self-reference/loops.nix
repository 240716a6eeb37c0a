{ lib }:
let
  a = a + 1; # want "`a` needs its own value here: evaluating it is an infinite recursion"
  lib = lib.extend (final: prev: { }); # want "`lib` needs its own value"
  f = x: if x == 0 then 1 else x * f (x - 1);
  xs = [ 1 ] ++ xs; # want "`xs` needs its own value"
  set = { self = set; };
  b = c; # want "`c` needs its own value"
  c = b; # want "`b` needs its own value"
  inherit (d) d; # want "`d` needs its own value"
  lazy = if true then 1 else lazy;
  s = "${s}"; # want "`s` needs its own value"
  list = [ list ];
  arg = builtins.toString arg; # want "`arg` needs its own value"
  sum = builtins.add sum 1; # want "`sum` needs its own value"
in
rec {
  r = r.x; # want "`r` needs its own value"
  ok = { inherit ok; };
  n = 1;
  m = n + 1;
  cond = if cond then 1 else 2; # want "`cond` needs its own value"
}
