{ lib, ... }:
{
  security.sudo.wheelNeedsPassword = false; # want "wheel users become root without a password"
  security.doas.wheelNeedsPassword = lib.mkDefault false; # want "wheel users become root"
  security.sudo.execWheelOnly = false;
}
