{
  outputs = { self, nixpkgs }:
    let
      system = builtins.currentSystem; # want "builtins.currentSystem is impure: pure flake evaluation rejects it"
      home = builtins.getEnv "HOME"; # want "builtins.getEnv is impure"
      inherit (builtins) currentTime; # want "builtins.currentTime is impure"
    in
    {
      packages.${system}.default = nixpkgs.legacyPackages.${system}.hello;
      t = currentTime;
      s = with builtins; currentSystem; # want "builtins.currentSystem is impure"
      h = home;
      p = builtins.pathExists ./x;
    };
}
