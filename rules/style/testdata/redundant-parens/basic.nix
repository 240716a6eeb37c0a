({ f, x, lib }: # want "^redundant parentheses$"
{
  a = (x); # want "^redundant parentheses$"
  b = (f x); # want "^redundant parentheses$"
  c = f (x); # want "^redundant parentheses$"
  d = f(x); # want "^redundant parentheses$"
  e = (x + 1) * 2;
  g = f (x.y or 1);
  h = f (x.y); # want "^redundant parentheses$"
  i = ((x + 1)); # want "^redundant parentheses$" "^redundant parentheses$"
  j = "${(x)}"; # want "^redundant parentheses$"
  k = let y = 1; in (y + 1); # want "^redundant parentheses$"
  l = (./a).b;
  m = f (-1);
  n = [ (f x) ];
  o = ([ 1 ]) ++ [ 2 ]; # want "^redundant parentheses$"
  p = lib.optional (x == 1) x;
  q = (lib.mkIf) x; # want "^redundant parentheses$"
  # Only one pair may go: f (y: y) x, not f y: y x.
  r = f ((y: y)) x; # want "^redundant parentheses$"
})
