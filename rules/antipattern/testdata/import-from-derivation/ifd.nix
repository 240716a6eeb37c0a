{ pkgs, lib }:
let
  src = pkgs.fetchFromGitHub { owner = "o"; repo = "r"; rev = "v1"; hash = "sha256-AAAA"; };
  alias = src;
  generated = pkgs.runCommand "gen" { } "echo '{ }' > $out";
  pinned = builtins.fetchTarball { url = "https://example.org/x.tar.gz"; sha256 = "0000000000000000000000000000000000000000000000000000"; };
in
{
  a = import "${src}/default.nix" { inherit pkgs; }; # want "import of the output of pkgs.fetchFromGitHub \\(bound to src\\) builds it during evaluation"
  b = builtins.readFile (alias + "/VERSION"); # want "readFile of the output of pkgs.fetchFromGitHub \\(bound to src\\)"
  c = import generated; # want "import of the output of pkgs.runCommand \\(bound to generated\\)"
  d = builtins.pathExists "${pkgs.hello}/bin/hello"; # want "pathExists of the output of pkgs.hello"
  e = lib.importJSON (pkgs.writeText "x.json" "{}"); # want "importJSON of the output of pkgs.writeText"
  f = import "${pinned}/default.nix";
  g = import (pkgs.path + "/nixos") { };
  h = import ./local.nix;
  i = builtins.readFile "${pkgs.path}/README.md";
  j = import (builtins.fetchGit { url = "https://example.org/r"; rev = "0000000000000000000000000000000000000000"; });
  k = builtins.readDir (pkgs.runCommand "d" { } "mkdir $out"); # want "readDir of the output of pkgs.runCommand"
  l = builtins.readFile ./VERSION;
  m = (import (src + "/lib.nix")).version; # want "import of the output"
  n = with pkgs; import "${fetchurl { url = "https://e.org/x.nix"; hash = ""; }}";
}
