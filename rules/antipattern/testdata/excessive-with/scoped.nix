{ pkgs, ... }:
let
  tools = with pkgs; [ git ripgrep ];
in
{
  environment.systemPackages = with pkgs; [ git ] ++ tools;
  fonts.packages = with pkgs; [ noto-fonts ];
}
