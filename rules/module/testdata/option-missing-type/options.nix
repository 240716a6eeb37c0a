{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
in
{
  options.services.foo = {
    enable = lib.mkEnableOption "foo";
    port = lib.mkOption {
      type = types.port;
      default = 8080;
      description = "Port.";
    };
    user = mkOption { # want "option declared without a `type`: any value is accepted and merged untyped"
      default = "foo";
      description = "User foo runs as.";
    };
    internalThing = mkOption {
      internal = true;
    };
    visibleThing = mkOption { # want "option declared without a `type`"
      visible = true;
    };
    extra = with lib; mkOption { description = "Extra."; }; # want "without a `type`"
  };
}
