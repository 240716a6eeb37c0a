let
  f = x: x +* 2;
  g = if x then y;
  h = (a b;
  i = { a, b c }: a;
  j = [ 1 ] ];
in
  f 1 ) 2
