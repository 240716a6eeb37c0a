{ pkgs, lib, name }:
{
  a = with pkgs; [ hello ];
  b = with pkgs; [ pkgs.git ]; # want "^with pkgs supplies no name to its body$"
  c = with lib; with pkgs; [ hello ];
  d = with pkgs; map toString [ 1 ]; # want "^with pkgs supplies no name to its body$"
  e = with pkgs; let hello = 1; in hello; # want "^with pkgs supplies no name to its body$"
  f = with pkgs; { inherit hello; };
  g = with pkgs; { "${hello}" = 1; };
  h = with lib; # want "^with lib supplies no name to its body$"
    # the comment stays
    name;
}
