{ f, g }:
{
  a = x: f x; # want "^x: f x is f$"
  b = x: x x;
  c = x: f x x;
  d = x: g.h x;
  e = x: f (x);
  k = x: f 1;
  h = map (pkg: toString pkg) [ ]; # want "^pkg: toString pkg is toString$"
  i = { x }: f x;
}
