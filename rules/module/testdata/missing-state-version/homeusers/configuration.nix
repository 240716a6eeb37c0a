{ config, pkgs, ... }:
{
  networking.hostName = "desk";
  system.stateVersion = "24.11";
  home-manager.users.alice = { # want "home-manager configuration without `home.stateVersion`"
    home.packages = [ pkgs.git ];
  };
  home-manager.users.bob.programs.git.enable = true; # want "home-manager configuration without `home.stateVersion`"
  home-manager.users.bob.home.packages = [ pkgs.vim ];
}
