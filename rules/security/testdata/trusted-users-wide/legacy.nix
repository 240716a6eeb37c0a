{ lib, ... }:
{
  nix.trustedUsers = [ "root" ] ++ [ "*" ]; # want "\"\\*\" makes every user a trusted Nix user"
}
