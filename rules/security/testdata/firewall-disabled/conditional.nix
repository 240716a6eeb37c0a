# A condition that is not literally false may hold.
{ config, lib, ... }:
lib.mkMerge [
  { networking.firewall.enable = lib.mkIf config.boot.isContainer false; } # want "the firewall is disabled"
  { networking = lib.optionalAttrs true { firewall.enable = false; }; } # want "the firewall is disabled"
]
