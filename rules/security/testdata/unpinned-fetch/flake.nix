{
  outputs = { self }:
    let
      pkgs = import (builtins.fetchTarball "https://github.com/NixOS/nixpkgs/archive/0123456789abcdef0123456789abcdef01234567.tar.gz") { }; # want "builtins.fetchTarball without a hash or rev fails in pure \\(flake\\) evaluation"
      src = builtins.fetchGit { url = "https://example.org/r.git"; rev = "0123456789abcdef0123456789abcdef01234567"; };
    in
    { inherit pkgs src; };
}
