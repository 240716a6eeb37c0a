{ config, lib, ... }:
with lib;
let
  cfg = config.services.bar;
in
mkIf cfg.enable { # want "module wrapped in `mkIf` declares `imports`"
  imports = [ ./other.nix ];
  services.nginx.enable = true;
}
