# A NixOS module: the pattern keeps its "...", never becomes _:.
{ config, lib, pkgs, ... }: # want "^formal config is never used" "^formal lib is never used"
{
  environment.systemPackages = [ pkgs.git ];
}
