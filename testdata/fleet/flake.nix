{
  description = "Example fleet: two NixOS hosts sharing a few modules";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
    agenix.url = "github:ryantm/agenix";
    agenix.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs = { self, nixpkgs, agenix }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      mkHost = name: nixpkgs.lib.nixosSystem {
        inherit system;
        specialArgs = { inherit self; };
        modules = [
          agenix.nixosModules.default
          ./modules/common.nix
          ./hosts/${name}/configuration.nix
        ];
      };
    in
    {
      nixosConfigurations = {
        web1 = mkHost "web1";
        db1 = mkHost "db1";
      };

      packages.${system}.motd-tool = pkgs.callPackage ./pkgs/motd-tool { };
    };
}
