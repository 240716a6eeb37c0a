{ config, lib, pkgs, ... }:
let
  cfg = config.my.users;
  config = { }; # want "`config` here hides the module's `config` argument"
in
{
  imports = [
    (lib.mkChangedOptionModule [ "my" "old" ] [ "my" "new" ] (config: config.my.old + 1))
  ];
  options.my.users = lib.mkOption {
    type = lib.types.attrsOf (lib.types.submodule ({ config, name, ... }: {
      options.uid = lib.mkOption { type = lib.types.int; };
    }));
  };
  config.users.users = lib.mapAttrs (name: config: { inherit (config) uid; }) cfg; # want "`config` here hides"
  config.environment.etc = lib.mapAttrs (name: user: { text = user.name; }) cfg;
}
