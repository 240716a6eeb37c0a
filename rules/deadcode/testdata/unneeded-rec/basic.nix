{
  a = rec { x = 1; y = 2; }; # want "^rec set whose attributes never refer to each other$"
  b = rec { x = 1; y = x; };
  c = rec { x = 1; y = let z = x; in 2; };
  d = rec { inherit (x) y; x = { y = 1; }; };
  e = rec { }; # want "^rec set whose attributes never refer to each other$"
  f = rec { inner = { z = x; }; x = 1; };
  # __overrides only works in a rec set.
  g = rec { x = 1; __overrides = { x = 2; }; };
}
