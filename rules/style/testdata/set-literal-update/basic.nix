{ x }:
{
  a = { a = 1; } // { b = 2; }; # want "^update of one set literal with another: write one set$"
  b = x // { b = 2; };
  c = rec { a = 1; } // { b = x; };
  d = { a = 1; } // x;
}
