{
  nix.settings.trusted-users = [ "root" "@wheel" "@users" ]; # want "\"@users\" makes every member of the users group a trusted Nix user, which is equivalent to root"
  nix.settings.allowed-users = [ "*" ];
}
