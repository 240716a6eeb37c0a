{ lib, ... }:
{
  services.openssh.permitRootLogin = lib.mkForce "yes"; # want "SSH allows root to log in"
}
