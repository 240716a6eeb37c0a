{ x }:
{
  a = { a = 1; } // { b = 2; }; # want "^update of one set literal with another: write one set$"
  b = x // { b = 2; };
  c = rec { a = 1; } // { b = x; };
  d = { a = 1; } // x;
  # // is shallow: the right a replaces the left one.
  e = { a.b = 1; } // { a.c = 2; };
  f = { ${x} = 1; } // { b = 2; };
  g = { inherit x; } // { y = 2; }; # want "^update of one set literal"
}
