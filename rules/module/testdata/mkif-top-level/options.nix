{ config, lib, ... }:
lib.mkIf config.services.foo.enable { # want "module wrapped in `mkIf` declares `options`"
  options.services.foo.enable = lib.mkEnableOption "foo";
  config.systemd.services.foo.script = "foo";
}
