{ pkgs, host, ... }:
{
  systemd.services.hello.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello"; # want "service hello lacks basic hardening: set NoNewPrivileges, ProtectSystem, PrivateTmp in serviceConfig"
  systemd.services.hello.wantedBy = [ "multi-user.target" ];
  systemd.services.dyn.serviceConfig = { # want "service dyn lacks basic hardening: set NoNewPrivileges in serviceConfig"
    Type = "simple";
    ExecStart = "x";
    DynamicUser = true;
  };
  systemd.services.hard.serviceConfig = {
    Type = "simple";
    ExecStart = "x";
    NoNewPrivileges = true;
    ProtectSystem = "strict";
    PrivateTmp = true;
  };
  systemd.services.partial = { # want "service partial lacks basic hardening: set PrivateTmp in serviceConfig"
    description = "partial";
    script = "x";
    serviceConfig = { NoNewPrivileges = true; ProtectSystem = "full"; PrivateTmp = false; };
  };
  systemd.services.sshd.serviceConfig.PrivateTmp = true;
  systemd.services.roundcube-setup.script = "extra migration";
  systemd.services.home-manager-alice.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello";
  systemd.services."app-init-${host}".serviceConfig.EnvironmentFile = "/run/secrets/app.env";
  systemd.services."app-admin-${host}" = { # want "service app-admin-\\$\\{host\\} lacks basic hardening: set NoNewPrivileges, ProtectSystem, PrivateTmp"
    wantedBy = [ "multi-user.target" ];
    script = "true";
  };
}
