# Declarations that amend another one.
{ lib, pkgs, ... }:
let
  inherit (lib) mkOption mkEnableOption types;
  lieerModule = types.submodule { options.lieer.enable = mkEnableOption "lieer"; };
in
{
  options.services.wob = {
    systemd = mkEnableOption "systemd service for wob" // mkOption { default = true; };
  };
  options.accounts.email.other = mkOption { type = types.attrsOf lieerModule; };
  options.accounts.email.accounts = mkOption {
    type = with types; attrsOf (submodule (import ./accounts.nix pkgs));
  };
}
