{ lib, ... }:
{
  imports = [ ./a.nix ./b.nix ] ++ lib.optional (builtins.pathExists ./local.nix) ./local.nix;
  environment.etc = lib.mapAttrs (n: _: { source = ./etc + "/${n}"; }) (builtins.readDir ./etc);
}
