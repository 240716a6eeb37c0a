{ config, lib, ... }:
{
  options.x.enable = lib.mkEnableOption "x";
  config = lib.mkIf config.x.enable {
    networking.firewall.enable = lib.mkDefault false; # want "the firewall is disabled"
  };
}
