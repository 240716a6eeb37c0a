{ x }:
{
  a = builtins."is\Null" x; # want "^isNull is deprecated: write x == null$"
  b = builtins.${"is\u"} x;
}
