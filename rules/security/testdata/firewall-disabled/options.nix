{ lib, ... }:
{
  options.networking.firewall.enable = lib.mkOption { default = false; };
  config.networking.firewall.enable = true;
}
