{ s }:
{
  a = builtins.${"to\Path"} s; # want "^builtins.toPath is deprecated"
}
