# clan-core sets system.stateVersion for the machines it builds.
{
  inputs.clan-core.url = "https://git.clan.lol/clan/clan-core/archive/main.zip";
  outputs = inputs: {
    nixosConfigurations.web = inputs.nixpkgs.lib.nixosSystem {
      modules = [ inputs.clan-core.nixosModules.clanCore ];
    };
  };
}
