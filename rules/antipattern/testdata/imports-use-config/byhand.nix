# Called by hand (import ./byhand.nix { inherit config lib pkgs; prefix = …; }):
# its pkgs is the caller's, not the module system's.
{ config, lib, pkgs, prefix }:
{
  imports = [ (pkgs.path + "/nixos/modules/misc/meta.nix") ];
  options.${prefix}.enable = lib.mkEnableOption "x";
}
