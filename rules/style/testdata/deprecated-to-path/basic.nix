{ s }:
{
  a = builtins.toPath s; # want "^builtins.toPath is deprecated"
  b = with builtins; toPath s; # want "^builtins.toPath is deprecated"
  c = let builtins = { toPath = x: x; }; in builtins.toPath s;
  d = toPath: toPath s;
  e = /. + s;
}
