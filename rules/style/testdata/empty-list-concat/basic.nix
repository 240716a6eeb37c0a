{ xs, ys }:
{
  a = [ ] ++ xs; # want "^concatenation with an empty list$"
  b = xs ++ []; # want "^concatenation with an empty list$"
  c = xs ++ ys;
  d = [ 1 ] ++ xs;
  e = [ /* keep */ ] ++ xs; # want "^concatenation with an empty list$"
}
