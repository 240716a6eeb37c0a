{ cfg, x, y }:
{
  a = if cfg.enable == true then 1 else 2; # want "^comparison with true: write cfg.enable$"
  b = x == false; # want "^comparison with false: write !x$"
  c = true != x; # want "^comparison with true: write !x$"
  d = x != false; # want "^comparison with false: write x$"
  e = (x || y) == false; # want "^comparison with false: write !\\(x \\|\\| y\\)$"
  f = x && y == true; # want "^comparison with true: write y$"
  g = true == false;
  h = x == y;
  i = let true = 1; in x == true;
  j = (x == false) || y; # want "^comparison with false: write !x$"
  k = x == "true";
}
