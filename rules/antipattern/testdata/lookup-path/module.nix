{ config, pkgs, ... }:
{
  imports = [ <nixpkgs/nixos/modules/profiles/minimal.nix> ]; # want "<nixpkgs/nixos/modules/profiles/minimal.nix> in a module depends on NIX_PATH"
}
