# Shaped like home-manager's firefox profiles/handlers.nix, which its
# caller imports by hand (import ./handlers.nix { inherit (args) config;
# inherit lib pkgs appName; }): pkgs may be explicit, so only a warning;
# config is the module system's either way.
{ config, lib, pkgs, appName, ... }:
{
  imports = [ (pkgs.path + "/nixos/modules/misc/meta.nix") ] # want "imports depend on `pkgs`: infinite recursion if the module system supplies pkgs \\(from `_module.args`, which it computes from the imports\\); fine only when pkgs is passed by hand or through specialArgs"
    ++ lib.optional (config.schemes != { }) ./schemes.nix; # want "imports depend on `config`, which the module system computes from the imports: infinite recursion"
  options.enable = lib.mkEnableOption appName;
}
