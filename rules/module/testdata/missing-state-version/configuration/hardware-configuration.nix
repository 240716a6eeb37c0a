{ config, lib, modulesPath, ... }:
{
  boot.initrd.availableKernelModules = [ "nvme" ];
  # home.stateVersion in a home-manager set would not count for NixOS.
  home-manager.users.root.home.stateVersion = "24.11";
}
