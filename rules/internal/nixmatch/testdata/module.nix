{ config, lib, pkgs, ... }:
with lib;
let
  cfg = config.services.demo;
in
{
  imports = [
    ./hardware.nix
    { networking.hostName = "inline"; }
    ({ pkgs, ... }: { environment.systemPackages = [ pkgs.git ]; })
  ];

  options.services.demo.enable = mkEnableOption "demo";

  config = mkMerge [
    {
      services.openssh.enable = true;
      services.openssh.settings = {
        PermitRootLogin = mkForce "yes";
        "PasswordAuthentication" = lib.mkDefault false;
      };
    }
    (mkIf cfg.enable {
      networking.firewall = {
        enable = mkOverride 50 false;
        allowedTCPPorts = [ 22 ];
      } // { checkReversePath = false; };
      users.users = {
        alice.password = "hunter2";
        ${cfg.user}.isNormalUser = true;
      };
      systemd.services.demo.serviceConfig = {
        inherit (cfg) User;
        ExecStart = "${pkgs.hello}/bin/hello";
      };
    })
  ];
}
