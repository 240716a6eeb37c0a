{ x, y, f, lib }:
{
  a = isNull x; # want "^isNull is deprecated: write x == null$"
  b = !isNull x; # want "^isNull is deprecated: write x != null$"
  b2 = f (!isNull x); # want "^isNull is deprecated: write x != null$"
  b3 = !isNull x == y; # want "^isNull is deprecated: write \\(x != null\\)$"
  c = builtins.isNull x.y; # want "^isNull is deprecated: write x.y == null$"
  d = map isNull [ x ]; # want "^isNull is deprecated: compare with == null$"
  e = with builtins; isNull x; # want "^isNull is deprecated"
  f = let isNull = v: false; in isNull x;
  g = lib.isNull x;
  h = [ (isNull x) ]; # want "^isNull is deprecated: write x == null$"
}
