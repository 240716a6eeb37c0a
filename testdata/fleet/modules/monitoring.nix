# Exposes node metrics to the monitoring host.
{ config, lib, ... }:

{
  services.prometheus.exporters.node = {
    enable = true;
    enabledCollectors = [ "systemd" ];
    port = 9100;
  };

  networking.firewall.allowedTCPPorts = lib.mkIf config.services.prometheus.exporters.node.enable [ 9100 ];
}
