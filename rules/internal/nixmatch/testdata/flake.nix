{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";
  outputs = { self, nixpkgs, home-manager, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./configuration.nix
        {
          security.sudo.wheelNeedsPassword = false;
          home-manager.users.alice = { pkgs, ... }: {
            programs.git.enable = true;
          };
        }
      ] ++ [ { services.openssh.enable = true; } ];
    };
  };
}
