{ pkgs, ... }:
{
  networking.hostName = "web";
  # A comment mentioning system.stateVersion is not a definition.
  system.autoUpgrade.enable = true;
}
