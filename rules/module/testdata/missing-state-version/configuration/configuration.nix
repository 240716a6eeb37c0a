{ config, pkgs, ... }: # want "NixOS host without `system.stateVersion`"
{
  imports = [ ./hardware-configuration.nix ];
  networking.hostName = "laptop";
}
