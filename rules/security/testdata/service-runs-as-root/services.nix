{ config, pkgs, lib, ... }:
let
  cfg = config.services.app;
  base = { Restart = "always"; };
  mkService = name: { script = name; };
in
{
  systemd.services.backup = { # want "service backup runs as root \\(no User or DynamicUser\\): set serviceConfig.DynamicUser = true"
    script = "${pkgs.restic}/bin/restic backup /srv";
    serviceConfig.Type = "oneshot";
  };
  systemd.services.web = {
    wantedBy = [ "multi-user.target" ];
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "root"; # want "service web runs as root: use DynamicUser = true or a dedicated user"
    };
  };
  systemd.services.dyn.serviceConfig = {
    Type = "simple";
    ExecStart = "${pkgs.hello}/bin/hello";
    DynamicUser = true;
  };
  systemd.services.user.serviceConfig = {
    Type = "simple";
    ExecStart = "${pkgs.hello}/bin/hello";
    User = "hello";
  };
  systemd.services.nginx.serviceConfig.ProtectHome = lib.mkForce false;
  systemd.services.computed = {
    script = "true";
    description = "computed";
    serviceConfig = lib.recursiveUpdate base { Type = "oneshot"; };
  };
  systemd.services.inherited = {
    script = "true";
    description = "inherited";
    serviceConfig = { inherit (cfg) User; };
  };
  systemd.services.dynFalse.serviceConfig = { # want "service dynFalse runs as root"
    Type = "simple";
    ExecStart = "x";
    DynamicUser = false;
  };
  systemd.services.made = lib.mkIf cfg.enable (mkService "made");
  systemd.user.services.foo.script = "x";
  systemd.services.systemd-sysctl.serviceConfig.ExecStart = [ "" "/bin/sh -c true" ];
}
