# config used normally: read through cfg, passed on, never rebound.
{ config, lib, pkgs, ... }:
let
  cfg = config.services.foo;
in
{
  options.services.foo.enable = lib.mkEnableOption "foo";
  config = lib.mkIf cfg.enable {
    systemd.services.foo.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello";
    environment.etc."foo.json".text = builtins.toJSON config.services.foo;
  };
}
