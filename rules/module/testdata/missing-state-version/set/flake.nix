{
  outputs = { nixpkgs, home-manager, ... }:
    let
      mkHost = name: nixpkgs.lib.nixosSystem {
        modules = [ ./hosts/${name}.nix ./common.nix ];
      };
    in {
      nixosConfigurations.web = mkHost "web";
      homeConfigurations.alice = home-manager.lib.homeManagerConfiguration {
        pkgs = nixpkgs.legacyPackages.x86_64-linux;
        modules = [ ./common.nix ];
      };
    };
}
