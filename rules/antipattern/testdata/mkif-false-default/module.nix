{ config, lib, ... }:
{
  networking.networkmanager.enable = lib.mkIf config.networking.wireless.enable false; # want "`mkIf config.networking.wireless.enable false` sets false only when the condition holds"
  services.openssh.enable = lib.mkIf config.services.x.enable true;
  services.nginx.enable = lib.mkDefault false;
  services.tor.enable = lib.mkIf config.services.x.enable (!config.y);
  services.avahi.enable = lib.mkIf (config.services.x.enable && config.services.y.enable && config.services.z.enable) false; # want "`mkIf cond false`"
}
