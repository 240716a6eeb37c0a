{ lib, ... }:
{
  networking = {
    hostName = "x";
    firewall = {
      enable = lib.mkForce false; # want "the firewall is disabled"
    };
  };
}
