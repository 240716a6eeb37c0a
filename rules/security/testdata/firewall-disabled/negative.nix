{ config, lib, ... }:
let
  isContainer = config.boot.isContainer;
  firewall.enable = false;
in
{
  networking.firewall.enable = !isContainer;
  networking.firewall.allowedTCPPorts = [ 22 ];
  networking.firewall.checkReversePath = false;
  services.foo.networking.firewall.enable = false;
  environment.etc."firewall".text = builtins.toJSON firewall;
}
