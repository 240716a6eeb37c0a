{ pkgs, ... }:
{
  inherit;
  src = https://example.org/src.tar.gz;
  packages = [ pkgs.git pkgs.hello ];
}
