{ lib, ... }:
{
  nix.useSandbox = lib.mkForce false; # want "sandbox is disabled"
}
