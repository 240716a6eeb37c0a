{ config, lib, pkgs, ... }:

{
  imports = [
    ./hardware.nix
    ../../modules/monitoring.nix
  ];

  networking.hostName = "web1";

  services.nginx = {
    enable = true;
    virtualHosts."web1.example.org" = {
      enableACME = true;
      forceSSL = true;
      root = "/var/www/web1";
    };
  };

  security.acme = {
    acceptTerms = true;
    defaults.email = "ops@example.org";
  };

  networking.firewall.allowedTCPPorts = [ 80 443 ];

  systemd.services.motd-refresh = {
    description = "Refresh the message of the day";
    startAt = "hourly";
    serviceConfig.ExecStart = "${pkgs.callPackage ../../pkgs/motd-tool { }}/bin/motd-tool";
  };
}
