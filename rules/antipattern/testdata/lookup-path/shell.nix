{ pkgs ? import <nixpkgs> { } }: # want "<nixpkgs> depends on NIX_PATH: pin nixpkgs"
pkgs.mkShell {
  packages = [ (import <nix/fetchurl.nix> { url = "https://example.org/x"; sha256 = ""; }) ];
}
