{ cfg, a, b, c, d, e, f, g, v, w, y }:
{
  a = if cfg.enable == true then 1 else 2; # want "^comparison with true: write cfg.enable$"
  b = a == false; # want "^comparison with false: write !a$"
  c = true != b; # want "^comparison with true: write !b$"
  d = c != false; # want "^comparison with false: write c$"
  e = (d || y) == false; # want "^comparison with false: write !\\(d \\|\\| y\\)$"
  f = y && e == true; # want "^comparison with true: write e$"
  g = true == false;
  h = cfg.a == cfg.b;
  i = let true = 1; in cfg.c == true;
  j = (g == false) || y; # want "^comparison with false: write !g$"
  k = cfg.x == "true";
  # Type tests: v and w may be something else than a bool.
  l = if v == true then "on" else if v == false then "off" else toString v;
  m = w == false || w == null;
}
