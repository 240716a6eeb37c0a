# mkIf false and optionalAttrs false define nothing: the firewall keeps
# its default (or another module's value).
{ config, lib, ... }:
lib.mkMerge [
  { networking.firewall.enable = lib.mkIf false false; }
  { networking = lib.optionalAttrs false { firewall.enable = false; }; }
  { networking.firewall = lib.mkIf false { enable = false; }; }
]
