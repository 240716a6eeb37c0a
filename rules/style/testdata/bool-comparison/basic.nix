{ cfg, lib, a, b, c, x, y, s, v, opt }:
{
  a = if cfg.enable == true then 1 else 2; # want "^comparison with true: write cfg.enable$"
  b = (a && b) == false; # want "^comparison with false: write !\\(a && b\\)$"
  c = true != lib.isString s; # want "^comparison with true: write !lib.isString s$"
  d = x ? y != false; # want "^comparison with false: write x \\? y$"
  e = builtins.elem x y == false || c; # want "^comparison with false: write !builtins.elem x y$"
  f = y && (a < b) == true; # want "^comparison with true: write \\(a < b\\)$"
  g = (!a == false) || y; # want "^comparison with false: write !!a$"
  # Not booleans by construction: x may be null or anything else.
  h = v == true;
  i = (opt.enabled or null) == false;
  j = cfg.executable == true; # can be null
  k = true == false;
  l = let true = 1; in cfg.enable == true;
  m = cfg.x == "true";
}
