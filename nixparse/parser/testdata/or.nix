# The keyword or as a select default, an attribute name and an argument.
{ f, g, set }:
let
  or = x: x;
in
{
  or = 1;
  a.or = 2;
  p = { inherit (set) or; };
  b = set.or;
  c = set.x or 3;
  d = set.or or 4;
  e = set.x.y or set.z or 5;
  h = f or;
  i = f or g;
  j = [ f or ];
  k = (f or);
  l = g (f or) g;
  m = set."or";
  n = { or = 1; }.or;
  o = f g or;
}
