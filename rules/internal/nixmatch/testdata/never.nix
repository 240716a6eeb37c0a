{ lib, ... }:
{
  networking.firewall.enable = lib.mkIf false false;
  services.a.enable = lib.mkForce (lib.mkIf false true);
  services.b = lib.mkIf false { enable = true; };
  services.c = lib.optionalAttrs false { enable = true; };
  services.d = lib.mkMerge [ (lib.mkIf false { enable = true; }) { port = 1; } ];
  services.e = let x = 1; in lib.mkIf false { port = x; };
  services.f.enable = lib.mkIf true false;
}
