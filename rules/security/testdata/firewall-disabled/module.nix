{ config, lib, ... }:
{
  networking.firewall.enable = false; # want "the firewall is disabled: every listening service is reachable"
}
