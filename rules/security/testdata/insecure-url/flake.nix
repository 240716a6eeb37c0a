{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  inputs.old.url = "git+http://example.org/old.git"; # want "download over git\\+http"
  inputs.data = {
    url = "http://example.org/data.tar.gz"; # want "download over http"
    flake = false;
  };
  outputs = { self, ... }: {
    meta.url = "http://example.org";
  };
}
