{ lib, ... }:
let
  a = 1;
in
{
  b = a + 1;
  c = lib.mkIf true { d = "x${toString a}"; };
  e = x: { y ? 2, ... }@args: x + y;
}
