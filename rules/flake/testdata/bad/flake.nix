{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
    fork.url = "github:someone/nixpkgs";
    home-manager.url = "github:nix-community/home-manager";
    tool.url = "github:owner/tool";
    sops.url = "github:Mic92/sops-nix";
  };
  outputs = { self, nixpkgs, ... }: { };
}
