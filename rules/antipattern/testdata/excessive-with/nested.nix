{ pkgs, lib }:
{
  a = with lib; with builtins; attrNames { }; # want "nested `with`"
  b = with pkgs; [ hello ];
  c = with pkgs; (let x = 1; in with lib; x); # want "nested `with`"
  d = with pkgs; [ (with python3Packages; requests) ];
}
