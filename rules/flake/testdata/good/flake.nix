{
  description = "a fleet";
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    pinned.url = "github:NixOS/nixpkgs/e2dd4e18cc1c7314e24154331bae07df76eb582f";
    unstable.url = "github:NixOS/nixpkgs/nixos-unstable";
    home-manager.url = "github:nix-community/home-manager/release-26.05";
    home-manager.inputs.nixpkgs.follows = "nixpkgs";
  };
  outputs = { self, nixpkgs, ... }: { };
}
