{ pkgs, ... }:
{
  systemd.services.hello.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello"; # want "service hello lacks basic hardening: set NoNewPrivileges, ProtectSystem, PrivateTmp in serviceConfig"
  systemd.services.dyn.serviceConfig = { # want "service dyn lacks basic hardening: set NoNewPrivileges in serviceConfig"
    ExecStart = "x";
    DynamicUser = true;
  };
  systemd.services.hard.serviceConfig = {
    ExecStart = "x";
    NoNewPrivileges = true;
    ProtectSystem = "strict";
    PrivateTmp = true;
  };
  systemd.services.partial = { # want "service partial lacks basic hardening: set PrivateTmp in serviceConfig"
    script = "x";
    serviceConfig = { NoNewPrivileges = true; ProtectSystem = "full"; PrivateTmp = false; };
  };
  systemd.services.sshd.serviceConfig.PrivateTmp = true;
}
