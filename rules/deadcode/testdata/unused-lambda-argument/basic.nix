{
  a = x: 1; # want "^lambda argument x is never used$"
  b = x: x;
  c = _x: 1;
  d = _: 1;
  e = x: y: y; # want "^lambda argument x is never used$"
  f = x: let y = x; in 1; # want "^lambda argument x is only used by unused bindings$"
  g = x: with x; foo;
  h = _x: x: _x; # want "^lambda argument x is never used$"
  i = x: { inherit x; };
  j = x: { "${x}" = 1; };
  k = x: { inherit (x) y; };
  l = x: x: x; # want "^lambda argument x is never used$"
  dead = let unusedFn = z: 1; in 2;
}
