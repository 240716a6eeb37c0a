let
  args = { url = "https://example.org/z.tar.gz"; };
  nixpkgs = builtins.fetchTarball "https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz"; # want "builtins.fetchTarball without a hash or rev fetches whatever the server returns today"
  pinnedUrl = builtins.fetchTarball "https://github.com/NixOS/nixpkgs/archive/0123456789abcdef0123456789abcdef01234567.tar.gz";
  hashed = builtins.fetchTarball { url = "https://example.org/x.tar.gz"; sha256 = "0000000000000000000000000000000000000000000000000000"; };
  repo = builtins.fetchGit { url = "https://example.org/r.git"; ref = "main"; }; # want "builtins.fetchGit without a hash or rev"
  repoRev = builtins.fetchGit { url = "https://example.org/r.git"; rev = "0123456789abcdef0123456789abcdef01234567"; };
  file = with builtins; fetchurl "https://example.org/f"; # want "builtins.fetchurl without a hash or rev"
  tarball = fetchTarball { url = "https://example.org/y.tar.gz"; }; # want "builtins.fetchTarball without"
  computed = builtins.fetchTarball args;
in
{ inherit nixpkgs pinnedUrl hashed repo repoRev file tarball computed; }
