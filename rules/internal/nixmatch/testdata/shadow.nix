{ lib, ... }:
let
  mkIf = cond: value: { inherit cond value; };
  inherit (lib) mkForce;
  force = lib.mkForce;
in
{
  a = mkIf true 1;
  b = mkForce 2;
  c = force 3;
  d = lib.modules.mkDefault 4;
}
