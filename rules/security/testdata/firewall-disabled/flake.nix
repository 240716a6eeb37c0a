{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      modules = [
        ./configuration.nix
        { networking.firewall.enable = false; } # want "the firewall is disabled"
      ];
    };
  };
}
