{ xs, pkgs }:
{
  a = [ 1 ] ++ [ 2 ]; # want "^concatenation of list literals: write one list$"
  b = [1] ++ [2]; # want "^concatenation of list literals"
  c = [ 1 ] ++ [ 2 ] ++ [ 3 ]; # want "^concatenation of list literals" "^concatenation of list literals"
  d = [ 1 ] ++ xs;
  e = xs ++ [ 1 ];
  f = [ ] ++ [ 1 ];
  g = [ # want "^concatenation of list literals"
    pkgs.git
  ] ++ [
    pkgs.vim
  ];
  h = [ 1 ] ++ [ 2 ] ++ xs; # want "^concatenation of list literals"
}
