{ config, lib, pkgs, ... }@args:
let
  cfg = config.services.demo;
  enabled = cfg.enable;
in
{
  imports = [
    ./a.nix
  ]
  ++ lib.optional config.services.nginx.enable ./nginx.nix # want "imports depend on `config`, which the module system computes from the imports: infinite recursion"
  ++ lib.optional enabled ./demo.nix # want "imports depend on `config` \\(through `cfg`\\) \\(through `enabled`\\)"
  ++ lib.optional pkgs.stdenv.isLinux ./linux.nix # want "imports depend on `pkgs`"
  ++ lib.optional (args.options ? foo) ./foo.nix # want "imports depend on `args.options`"
  ++ lib.optional (builtins.pathExists ./local.nix) ./local.nix;
  services.nginx.enable = cfg.enable;
}
