{
  nix.settings.sandbox = false; # want "the Nix build sandbox is disabled"
  nix.settings.trusted-users = [ "root" ];
}
