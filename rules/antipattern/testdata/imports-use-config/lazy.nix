# The module system evaluates the imports list and each element, not what
# the elements do with their arguments.
{ config, lib, pkgs, ... }:
let
  cfg = config.services.demo;
in
{
  imports = [
    (lib.mkRemovedOptionModule [ "services" "demo" "old" ] "see ${cfg.docs}")
    (import ./sub.nix { inherit config pkgs; })
    (import "${cfg.src}/module.nix") # want "imports depend on `config` \\(through `cfg`\\)"
  ];
}
