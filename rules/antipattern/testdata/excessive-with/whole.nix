{ config, lib, pkgs, ... }:
with lib; # want "`with lib;` covers the whole file"
{
  options.services.foo.enable = mkEnableOption "foo";
  config = mkIf config.services.foo.enable {
    environment.systemPackages = with pkgs; [ hello ];
  };
}
