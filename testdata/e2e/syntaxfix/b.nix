{ pkgs, ... }:
let
  helper = x: x;
in {
  environment.systemPackages = [ pkgs.git
}
