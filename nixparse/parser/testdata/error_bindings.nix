{
  a = 1
  b = 2;
  c = ;
  d = [ 1 2 ;
  e = 4;
  inherit (x) y
  f = 5;
  g.h = 6;
}
