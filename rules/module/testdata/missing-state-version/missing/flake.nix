{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  inputs.home-manager.url = "github:nix-community/home-manager";
  outputs = { nixpkgs, home-manager, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem { # want "NixOS host without `system.stateVersion` anywhere in the project"
      system = "x86_64-linux";
      modules = [ ./web.nix ];
    };
    homeConfigurations.alice = home-manager.lib.homeManagerConfiguration { # want "home-manager configuration without `home.stateVersion`"
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      modules = [ { home.username = "alice"; } ];
    };
  };
}
