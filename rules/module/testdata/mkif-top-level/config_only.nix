# mkIf around plain configuration is fine at the top of a module.
{ config, lib, ... }:
lib.mkIf config.services.foo.enable {
  services.nginx.enable = true;
  networking.firewall.allowedTCPPorts = [ 80 ];
}
