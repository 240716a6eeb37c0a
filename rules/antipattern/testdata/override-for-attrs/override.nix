{ pkgs }:
{
  a = pkgs.hello.override { patches = [ ./fix.patch ]; }; # want "`.override` changes the package function's arguments, but patches are derivation attributes: use `.overrideAttrs"
  b = pkgs.hello.override { stdenv = pkgs.clangStdenv; };
  c = pkgs.hello.overrideAttrs (old: { patches = [ ]; });
  d = (pkgs.curl.override { src = ./curl; version = "8"; }); # want "but src, version are derivation attributes"
  e = pkgs.mpv.override { scripts = [ ]; src = ./x; };
  f = pkgs.vim.override (old: { patches = [ ]; });
  g = pkgs.hello.override { };
}
