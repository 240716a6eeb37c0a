{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  cfg = config.services.foo;
in
{
  options.services.foo = {
    enable = lib.mkEnableOption "foo";
    package = lib.mkPackageOption pkgs "foo" { };
    port = lib.mkOption { # want "option declared without a `description`"
      type = types.port;
      default = 8080;
    };
    user = mkOption {
      default = "foo";
      description = "User foo runs as.";
    };
    group = with lib; mkOption { type = types.str; }; # want "option declared without a `description`"
    state = lib.options.mkOption { # want "without a `description`"
      type = types.path;
    };
    internalThing = mkOption {
      type = types.str;
      internal = true;
    };
    hiddenThing = mkOption {
      type = types.str;
      visible = false;
    };
    described = mkOption ({
      type = types.str;
      description = "In parentheses.";
    });
  };
  config = lib.mkIf cfg.enable { };
}
