{
  a = 1;
  a = 2; # want "attribute 'a' already defined at .*duplicate.nix:2:3"
  b.c = 1;
  b.d = 2;
  e.f = 1;
  e = { g = 2; };
  h = { i = 1; };
  h.i = 2; # want "attribute 'h.i' already defined"
  l = let x = 1; x = 2; in x; # want "attribute 'x' already defined"
  inherit ({ j = 1; }) j;
  j = 3; # want "attribute 'j' already defined"
  "k" = 1;
  k = 2; # want "attribute 'k' already defined"
  ${"m"} = 1;
  m = 2; # want "attribute 'm' already defined"
  ${toString 1} = 1;
  ${toString 1} = 2;
  n = rec { o = 1; };
  n.p = 2;
}
