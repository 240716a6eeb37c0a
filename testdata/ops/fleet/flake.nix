# nixaudit's test fleet. Each host's toplevel is a tiny derivation that
# real Nix builds offline (builder = /bin/sh, no nixpkgs). Its
# bin/switch-to-configuration stands in for NixOS's: it records the
# activation and points the host's current-system (a path in the test's
# temporary directory) at itself. The test writes fleet.json next to this
# file to set each host's state directory, generation and injected faults.
{
  description = "nixaudit test fleet";

  outputs = _:
    let
      fleet = builtins.fromJSON (builtins.readFile ./fleet.json);
      flag = b: if b then "1" else "";
      toplevel = name: host: derivation {
        name = "nixos-system-${name}-${toString host.generation}";
        inherit (fleet) system;
        builder = "/bin/sh";
        args = [ "-c" (builtins.readFile ./build.sh) ];
        hostName = name;
        inherit (host) state;
        generation = toString host.generation;
        failBuild = flag (host.failBuild or false);
        failActivation = flag (host.failActivation or false);
        unhealthy = flag (host.unhealthy or false);
      };
    in
    {
      nixosConfigurations = builtins.mapAttrs
        (name: host: { config.system.build.toplevel = toplevel name host; })
        fleet.hosts;
    };
}
