{ cfg, x, f }:
{
  a = if cfg ? port then cfg.port else 8080; # want "^if … \\? … then … else: write cfg.port or 8080$"
  b = if x ? a.b then x.a.b else f 1; # want "^if … \\? … then … else: write x.a.b or \\(f 1\\)$"
  c = if x ? a then x.b else 1;
  d = if x ? a then cfg.a else 1;
  e = if x ? a then x.a or 2 else 1;
  g = if (x ? a) then x . a else null; # want "^if … \\? … then … else: write x . a or null$"
  h = if x ? a then x.a else /* keep */ 1; # want "^if … \\? … then … else"
}
