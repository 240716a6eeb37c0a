{ lib }:
{
  double = x: x * 2;
  names = lib.attrNames { a = 1; };
}
